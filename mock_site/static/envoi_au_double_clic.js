// Only under the fault double_clic_deux_mails: a double click sends the form once more, behind the page.
const sendButton = [...document.querySelectorAll("button")].find((button) => button.textContent.trim() === "Recevoir le mail");
sendButton.addEventListener("dblclick", () => {
  fetch(sendButton.form.action, { method: "POST", body: new FormData(sendButton.form) });
});
