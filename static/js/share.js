// magbuild: the "Link kopieren" share button; the page works without it (the button stays hidden)
(() => {
  for (const item of document.querySelectorAll("[data-share-copy]")) {
    const button = item.querySelector("button");
    item.hidden = false;
    button.addEventListener("click", async () => {
      const url = button.dataset.shareUrl;
      try {
        if (navigator.share) await navigator.share({ title: document.title, url });
        else { await navigator.clipboard.writeText(url); button.textContent = "Link kopiert"; }
      } catch { /* the reader closed the share sheet */ }
    });
  }
})();
