// @ts-check
// Progressive enhancement for comments: Reply under a comment makes the form below an answer
// to it (the form's hidden reply-to field names the comment). Without this script there is no
// Reply, and the form sends a new comment as before.

for (const section of document.querySelectorAll(/** @type {"section"} */ ("section.comments"))) {
  const form = section.querySelector(/** @type {"form"} */ ("form.comment-form"));
  const field = form?.elements.namedItem("reply-to");
  const replying = form?.querySelector(/** @type {"p"} */ (".comment-form__replying"));
  const replyName = replying?.querySelector(".comment-form__reply-name");
  const status = replying?.querySelector("[id]");
  const textarea = form?.querySelector("textarea");
  if (!(field instanceof HTMLInputElement) || !replying || !replyName || !status || !textarea) continue;
  // The textarea's own description: while replying, the comment answered is read before it.
  const described = textarea.getAttribute("aria-describedby") ?? "";

  /** Makes the form an answer to `comment`, or a new comment again. @param {{ id: string, name: string } | undefined} comment */
  const answer = (comment) => {
    field.value = comment?.id ?? "";
    replyName.textContent = comment?.name ?? "";
    replying.hidden = comment === undefined;
    textarea.setAttribute("aria-describedby", comment ? `${status.id} ${described}`.trim() : described);
  };

  for (const button of section.querySelectorAll(/** @type {"button"} */ ("button.comment__reply"))) {
    const { replyTo, replyName: name } = button.dataset;
    if (!replyTo || !name) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      answer({ id: replyTo, name });
      textarea.focus();
    });
  }
  replying.querySelector("button")?.addEventListener("click", () => {
    answer(undefined);
    textarea.focus();
  });
  // A form the browser brings back (history, a reload) may keep an old reply-to: start as the page shows, a new comment.
  answer(undefined);
}
