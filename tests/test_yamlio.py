import pytest

from generator.yamlio import YamlProblem, parse_yaml


def test_values_and_lines():
    doc = parse_yaml("title: A\nauthors:\n  - One\n  - Two\npublished: 2024-05-13\n")
    assert doc.value["authors"] == ["One", "Two"]
    assert doc.line(("authors", 1)) == 4
    assert doc.line(("published",)) == 5
    assert str(doc.value["published"]) == "2024-05-13"


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first defined on line 1)"),
        ("a: &x [1]\nb: *x\n", 2, "YAML aliases (*name) are not allowed"),
        ("a: !!python/object:os.system x\n", 1, "the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
        ("a: [1, 2\n", 2, "invalid YAML"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", 3, "YAML aliases (*name) are not allowed"),
    ],
)
def test_refused_documents(text, line, message):
    with pytest.raises(YamlProblem) as err:
        parse_yaml(text)
    assert err.value.line == line
    assert err.value.message.startswith(message)


def test_billion_laughs_is_refused_quickly():
    lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lol += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    with pytest.raises(YamlProblem, match="aliases"):
        parse_yaml(lol)
