import type { CardDesign, CardWords } from "../src/lib/thanks-cards.ts";

// Every word of /thank-your-mentor/, its wall of thanks and its cards, in one place: the
// templates show them as `thanksWords.…`, and thank-your-mentor.js reads the ones it needs from
// data-* attributes. {mentor}, {message}, {name}, {count}, {page}, {pages}, {file}, and on the
// card {day} and {date} (the day's name and date, from _data/day.ts) are filled in.

export interface ThanksWords {
  title: string;
  description: string;
  homeLink: string;
  toolkitLink: string;
  lede: string;
  makerHeading: string;
  mentorLabel: string;
  messageLabel: string;
  messageHint: string;
  charactersLeft: string;
  nameLabel: string;
  nameHint: string;
  designLegend: string;
  designs: Record<CardDesign, string>;
  previewHeading: string;
  previewNote: string;
  downloadSquare: string;
  downloadLandscape: string;
  share: string;
  shareTitle: string;
  fileName: string;
  status: {
    drawing: string;
    saved: string;
    shared: string;
    shareCancelled: string;
    cannotDraw: string;
  };
  noScript: string;
  noScriptLink: string;
  card: CardWords;
  publishHeading: string;
  publishIntro: string;
  agreeLabel: string;
  publishButton: string;
  botLabel: string;
  wallHeading: string;
  wallIntro: string;
  wallEmpty: string;
  wallPageTitle: string;
  wallPagesLabel: string;
  pageOf: string;
  newest: string;
  newer: string;
  older: string;
  oldest: string;
  backToMaker: string;
  thanksTitle: string;
  thanksTo: string;
  thanksFrom: string;
  shareHeading: string;
  cardImageAlt: string;
  sentTitle: string;
  sentLede: string;
  sentBack: string;
}

const thanksWords: ThanksWords = {
  title: "Thank your mentor",
  homeLink: "Thank your mentor: make a card with your own words",
  toolkitLink: "Make a thank-you card for your mentor, with your own words",
  description:
    "Make a thank-you card for your mentor in your browser, download it or share it, and add your thanks to the wall.",
  lede: "Type your mentor’s name and a few words of thanks, pick a design, and download the card to send or post. It is made in your browser: nothing you type is sent anywhere unless you choose to publish it on the wall below.",
  makerHeading: "Make a card",
  mentorLabel: "Your mentor's name",
  messageLabel: "Your message",
  messageHint: "Up to 280 characters.",
  charactersLeft: "{count} characters left",
  nameLabel: "Your name",
  nameHint: "Optional: leave it empty to send the card unsigned.",
  designLegend: "Design",
  designs: { teal: "Evening teal", cream: "Morning cream", amber: "Golden amber" },
  previewHeading: "Your card",
  previewNote: "The card changes as you type.",
  downloadSquare: "Download square (1080 × 1080, PNG)",
  downloadLandscape: "Download landscape (1200 × 630, PNG)",
  share: "Share…",
  shareTitle: "A thank-you card for {mentor}",
  fileName: "thank-you-card",
  status: {
    drawing: "Drawing your card…",
    saved: "Card saved as {file}.",
    shared: "Card shared.",
    shareCancelled: "Sharing was cancelled.",
    cannotDraw: "Your browser could not draw the card.",
  },
  noScript:
    "With JavaScript turned on, this page draws a card from your words as you type, in your browser, and lets you download it as a picture. JavaScript is off, so there is no card to see here; you can still publish your thanks on the wall with the form below, or take",
  noScriptLink: "ready-made graphics from the toolkit",
  card: {
    greeting: "Thank you",
    from: "From {name}",
    footer: "{day} · {date}",
    alt: "A thank-you card for {mentor}.",
    altMessage: "“{message}”",
    altFrom: "From {name}.",
  },
  publishHeading: "Publish your thanks on the wall",
  publishIntro:
    "Send the same words to be shown on the wall of thanks, with a card drawn from them. A person reads every message before it appears, so it may take a few days. No email address is asked for.",
  agreeLabel: "I agree that my message, my mentor's name and my name are published on this site",
  publishButton: "Send for the wall",
  botLabel: "Leave this field empty",
  wallHeading: "Wall of thanks",
  wallIntro: "Thanks that visitors sent to their mentors, newest first.",
  wallEmpty: "No thanks have been published yet: yours could be the first.",
  wallPageTitle: "Wall of thanks, page {page}",
  wallPagesLabel: "More thanks",
  pageOf: "Page {page} of {pages}",
  newest: "Newest",
  newer: "Newer thanks",
  older: "Older thanks",
  oldest: "Oldest",
  backToMaker: "Make your own card",
  thanksTitle: "Thanks to {mentor}",
  thanksTo: "To",
  thanksFrom: "From",
  shareHeading: "Share these thanks",
  cardImageAlt: "The thank-you card for {mentor}.",
  sentTitle: "Thank you for your thanks",
  sentLede:
    "We have received them. A person reads every message before it appears on the wall, so it may take a few days to show.",
  sentBack: "Back to the wall of thanks",
};

export default thanksWords;
