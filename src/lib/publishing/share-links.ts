/** The page being shared: an absolute URL and the words that go with it. */
export interface SharedPage {
  url: string;
  title: string;
}

export interface ShareLink {
  id: "email" | "linkedin" | "x" | "facebook" | "bluesky" | "mastodon";
  label: string;
  href: string;
  /** Mastodon only: the same share on each server offered. */
  servers?: { server: string; href: string }[];
}

/** Mastodon has no central share address: these servers are offered as plain links. */
export const mastodonServers = ["mastodon.social", "mastodon.online", "mstdn.social"] as const;

/**
 * Plain share links: no third-party script, each a URL the network itself
 * documents for sharing. Every value is percent-encoded with encodeURIComponent. The labels are the
 * locale's (even the networks' names, which a language may write in its own script).
 */
export function shareLinks(page: SharedPage, labels: Record<ShareLink["id"], string>): ShareLink[] {
  const url = encodeURIComponent(page.url);
  const title = encodeURIComponent(page.title);
  const titleAndUrl = encodeURIComponent(`${page.title} ${page.url}`);
  return [
    { id: "email", label: labels.email, href: `mailto:?subject=${title}&body=${url}` },
    { id: "linkedin", label: labels.linkedin, href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}` },
    { id: "x", label: labels.x, href: `https://x.com/intent/post?text=${title}&url=${url}` },
    { id: "facebook", label: labels.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { id: "bluesky", label: labels.bluesky, href: `https://bsky.app/intent/compose?text=${titleAndUrl}` },
    {
      id: "mastodon",
      label: labels.mastodon,
      href: mastodonShareUrl(mastodonServers[0], page),
      servers: mastodonServers.map((server) => ({ server, href: mastodonShareUrl(server, page) })),
    },
  ];
}

/** The share address on one Mastodon server, or an error naming what is wrong with the server. */
export function mastodonShareUrl(server: string, page: SharedPage): string {
  const host = server
    .trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "");
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host)) {
    throw new Error(`Mastodon server: expected a host name like mastodon.social, got "${server}"`);
  }
  return `https://${host.toLowerCase()}/share?text=${encodeURIComponent(`${page.title} ${page.url}`)}`;
}

/** The day's hashtags as people write them in a post: `["MentoringDay"]` becomes `["#MentoringDay"]`. */
export function hashtags(tags: readonly string[]): string[] {
  return tags.map((tag) => `#${tag}`);
}
