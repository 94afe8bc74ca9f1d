// Pagefind's search box in the Material header, for large sites (see generator/render.py).
// The bundle sits in pagefind/ at the site's root; result links are made relative to it, so the
// site works under any path. Every file comes from the site itself: nothing from other hosts.
(function () {
  var box = document.getElementById("briefing-search");
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  if (!box || !script || typeof PagefindUI === "undefined") return;
  var bundle = new URL("./", script.src);
  new PagefindUI({
    element: box,
    bundlePath: bundle.pathname,
    baseUrl: new URL("../", bundle).pathname,
    showImages: false,
    showSubResults: true,
    pageSize: 5,
    excerptLength: 24,
    translations: { placeholder: "Search" },
  });
})();
