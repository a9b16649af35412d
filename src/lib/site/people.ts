import type { Person } from "../content/schemas.ts";

/** A person as pages, feeds and cards name them: "Dr Joshua Cruz", or just the name when there is no honorific. */
export function displayName(person: Pick<Person, "name" | "honorific">): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}
