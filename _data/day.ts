import type { Day } from "../src/lib/content/schemas.ts";

const mentoringOrg2015 = {
  title:
    "MENTOR: “International Mentoring Day to Highlight and Celebrate the Power of Mentoring as Core to Development and Social Change”, December 2015",
  url: "https://www.mentoring.org/2015/12/international-mentoring-day-to-highlight-and-celebrate-the-power-of-mentoring-as-core-to-development-and-social-change/",
};
const aliCenter = {
  title: "Muhammad Ali Center: “International Mentoring Day (Muhammad Ali’s Birthday)”",
  url: "https://alicenter.org/event/international-mentoring-day-muhammad-alis-birthday/",
};
const mentoringOrg2019 = {
  title: "MENTOR press release: “Fourth Annual International Mentoring Day…”, 17 January 2019",
  url: "https://www.mentoring.org/news/press-releases/fourth-annual-international-mentoring-day-celebrates-the-worldwide-power-of-mentoring-inspired-by-muhammad-alis-legacy/",
};
const pyd2016 = {
  title: "PYD blog: “International Mentoring Day, January 17th: Muhammad Ali”, 11 January 2016",
  url: "https://pyd.org/blog/2016/01/11/international-mentoring-day-january-17th-muhammad-ali/",
};
const courierJournal = { title: "The Courier-Journal, 18 December 2015" };

const day: Day = {
  name: "International Mentoring Day",
  date: { month: 1, day: 17 },
  tagline: "A day to celebrate mentors, mentees and the programmes that bring them together.",
  keyFacts: [
    "International Mentoring Day was launched to acknowledge and support the work of mentoring initiatives around the world.",
    "Mentoring can take many forms, but what matters is that mentors have experience and the desire to share their information and knowledge.",
    "Mentoring is a reciprocal two-way process that demands mutual respect.",
    "Mentoring programmes benefit both the mentee and the mentor: each develops different sets of skills and can build confidence.",
  ],
  intro:
    "Celebrated on 17 January each year, International Mentoring Day highlights mentoring initiatives around the world, and is an opportunity to encourage the formation of mentor–mentee relationships. Whether you are an aspiring student, a committed professional wanting to progress in your career, or someone who wants to give back and help others accomplish their goals, mentoring is a great way for people to strive for professional and personal development.",
  joinUs:
    "Join us in celebrating International Mentoring Day by exploring some of our articles that provide further insight into mentorship.",
  image: {
    src: "/images/hero.svg",
    alt: "parents stand with their children in front of a blackboard",
  },
  hashtags: ["InternationalMentoringDay", "MentorIRL", "MentoringMonth"],
  about: {
    summary:
      "International Mentoring Day falls on Muhammad Ali’s birthday and asks people everywhere to notice the mentors who shaped them, and to become one.",
    facts: [
      {
        text: "The first International Mentoring Day took place on 17 January 2016, the day Muhammad Ali turned 74.",
        sources: [mentoringOrg2015, courierJournal],
      },
      {
        text: "Three partners started it: MENTOR: The National Mentoring Partnership, the Muhammad Ali Center in Louisville, Kentucky, and the “Mentoring for Change” initiative of Epicenter Community.",
        sources: [aliCenter, pyd2016],
      },
      {
        text: "It sets out to build understanding between countries, to back the mentoring movement worldwide and to show how mentoring helps reach the United Nations Sustainable Development Goals.",
        sources: [aliCenter],
      },
      {
        text: "It takes its spirit from six principles Muhammad Ali lived by: confidence, conviction, dedication, respect, giving and spirituality.",
        sources: [aliCenter, mentoringOrg2015],
      },
      {
        text: "The day is a high point of National Mentoring Month, which MENTOR has organised in the United States every January since 2002.",
        sources: [mentoringOrg2019, pyd2016],
      },
      {
        text: "Everyone is invited to post their own mentoring story with #InternationalMentoringDay, #MentorIRL and #MentoringMonth.",
        sources: [mentoringOrg2019],
      },
    ],
    notToBeConfusedWith:
      "It is a different day from the United Kingdom’s National Mentoring Day, which is held on 27 October.",
  },
};

export default day;
