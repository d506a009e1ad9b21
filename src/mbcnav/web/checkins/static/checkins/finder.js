// Symptom finder for the check-in form: type in your own words, pick a match, and its
// questions open. Our own code, no third-party host; without JavaScript every symptom is
// still listed by body system below.
(function () {
  const box = document.querySelector("[data-symptom-finder]");
  const list = document.getElementById("symptom-words");
  if (!box || !list) return;
  const input = box.querySelector("input");
  const status = box.querySelector("[data-symptom-finder-status]");
  const words = new Map();
  for (const option of list.options) words.set(option.value.toLowerCase(), option.dataset.symptom);
  box.hidden = false;
  function open(slug) {
    const item = document.getElementById("symptom-" + slug);
    if (!item) return false;
    const group = item.closest("details.others");
    if (group) group.open = true;
    item.open = true;
    item.scrollIntoView({ block: "start" });
    const first = item.querySelector("select, input");
    if (first) first.focus({ preventScroll: true });
    status.textContent = item.querySelector("summary").textContent + " \u2713";
    return true;
  }
  function find() {
    const typed = input.value.trim().toLowerCase();
    if (!typed) return;
    let slug = words.get(typed);
    if (!slug) {
      for (const [word, s] of words) { if (word.includes(typed)) { slug = s; break; } }
    }
    if (!slug || !open(slug)) status.textContent = "No match: write it under “Something else” in your own words, or look through the lists below.";
  }
  input.addEventListener("change", find);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); find(); }
  });
})();
