// On a phone the filters and a document's table of contents start folded, so the results and the text come first.
// A file, not an inline script: the Content-Security-Policy allows scripts from /static only.
if (window.matchMedia("(max-width: 760px)").matches) {
  document.querySelectorAll(".facets details, .toc details").forEach(function (d) { d.open = false; });
}
