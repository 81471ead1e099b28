// On a phone the filters start folded, so the results come first.
// A file, not an inline script: the Content-Security-Policy allows scripts from /static only.
if (window.matchMedia("(max-width: 760px)").matches) {
  document.querySelectorAll(".facets details").forEach(function (d) { d.open = false; });
}
