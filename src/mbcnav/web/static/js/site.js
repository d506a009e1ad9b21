// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("click", (event) => {
  const back = event.target.closest("[data-back]");
  if (back) { event.preventDefault(); history.back(); }
  const print = event.target.closest("[data-print]");
  if (print) { event.preventDefault(); window.print(); }
});
