// The captcha's two buttons. Without JavaScript the arrow submits the form
// (the page comes back with a new list, fields kept) and there is no audio.
(() => {
  const form = document.querySelector("[data-captcha-form]");
  if (!form) return;
  const image = form.querySelector("[data-captcha-image]");
  const refresh = form.querySelector("[data-captcha-refresh]");
  const listen = form.querySelector("[data-captcha-listen]");

  refresh.addEventListener("click", async (event) => {
    event.preventDefault();
    try {
      const answer = await fetch(refresh.formAction, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Accept": "application/json",
          "X-CSRFToken": form.elements.namedItem("csrf_token").value,
        },
      });
      if (!answer.ok) throw new Error(`nouvelle liste refusée : ${answer.status}`);
      const captcha = await answer.json();
      // Replace in place: NIR and birth date keep what the person typed.
      image.src = captcha.image_url;
      listen.dataset.audioUrl = captcha.audio_url;
      form.elements.namedItem("captcha_id").value = captcha.id;
      form.elements.namedItem("captcha").value = "";
    } catch (error) {
      form.requestSubmit(refresh);  // fall back to the way without JavaScript
    }
  });

  listen.addEventListener("click", () => {
    // A browser without an audio device refuses to play; the characters were still requested.
    new Audio(listen.dataset.audioUrl).play().catch(() => {});
  });
})();
