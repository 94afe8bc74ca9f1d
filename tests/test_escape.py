"""Untrusted text must land as text in Markdown, HTML, YAML and links."""

import markdown
import pytest

from generator import escape
from generator.project import Project
from generator.render.pages import UnescapedValue, environment

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![i](data:text/html,<script>alert(1)</script>)",
    "{{ config.site_name }} {% include 'x' %}",
    "--8<-- /etc/passwd",
    "{: onclick=alert(1) }",
    "*bold* _it_ `code` ~~s~~ ==m== ^^i^^ ++k++",
    "# heading",
    "1. list",
    "> quote",
    "&lt;script&gt; &amp;",
    "<img src=x onerror=alert(1)>",
    "line one\n\n    indented code\n- item",
    "a | b | c",
    "[^1] *[HTML]: x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_renders_exactly_the_text(text):
    html = markdown.markdown(f"- {escape.md(text)}", extensions=["attr_list", "toc"])
    import html as html_lib
    import re

    inner = re.fullmatch(r"<ul>\n<li>(.*)</li>\n</ul>", html, re.S)
    assert inner, html
    assert "<" not in inner.group(1).replace("&lt;", "")  # no element at all
    assert html_lib.unescape(inner.group(1)) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_escapes(text):
    out = escape.html_text(text)
    assert "<" not in out and "{{" not in out and '"' not in out


def test_title_meta_is_yaml_and_escaped():
    import yaml

    value = yaml.safe_load("title: " + escape.title_meta("</title><script>x</script> \"q\""))["title"]
    assert value == "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &quot;q&quot;"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "JaVaScRiPt:x", "//evil.example", "vbscript:x"])
def test_href_refuses_other_schemes(url):
    with pytest.raises(ValueError):
        escape.href(url)


def test_href_quotes_attribute_breakers():
    assert escape.href('https://a.example/x"onmouseover=alert(1)') == "https://a.example/x%22onmouseover=alert(1)"


def test_templates_refuse_unescaped_values(tmp_path):
    env = environment(Project(tmp_path))
    with pytest.raises(UnescapedValue):
        env.from_string("{{ value }}").render(value="<b>")
    assert env.from_string("{{ value|md }}").render(value="<b>") == "&#60;b&#62;"
