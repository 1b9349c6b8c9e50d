// Only under the fault double_clic_deux_mails: the page sends the form twice, as a double click on a page
// that does not guard against it may; the first sending behind the page, the second as the page's own.
const form = [...document.querySelectorAll("button")].find((button) => button.textContent.trim() === "Recevoir le mail").form;
let sending = false;
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (sending) return;
  sending = true;
  await fetch(form.action, { method: "POST", body: new FormData(form) });
  form.submit();
});
