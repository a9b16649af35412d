// The real words of the synthetic articles (bench/synthetic.ts), most frequent first in each list.

/** Everyday English words, roughly in order of frequency. */
export const common = `
the of and to a in is that for it as was with be by on not he this are or his from at which but have an had
they you were their one all we can her has there been if more when will would who so no she other its may
these than them into some could only time people two about first also new out what our many then like over
such those my any years because most work where through how even after between year each well very much back
own life just before make way did us should still made same while here world both three being since part under
help without day last long great good different against local often might place few public must during down
off around another group however far high always within support every found small number family point home
school course young second later early use really need large never less things themselves research students
others learning change children community experience women better future health
`
  .trim()
  .split(/\s+/);

/** Words of mentoring, education and medicine, roughly in order of frequency on a site like this. */
export const topical = `
mentoring mentor mentors mentee mentees mentorship student teacher career programme university science
education training knowledge skills confidence guidance network practice project scholarship college medical
clinical doctor surgeon nurse engineer design story culture village city region volunteer leadership professor
laboratory colleague colleagues department institute researcher researchers scientist scientists physician
patient patients hospital clinic surgery surgical medicine technology digital online platform video conference
workshop seminar lecture degree graduate undergraduate postgraduate doctoral faculty academic academics campus
classroom curriculum teaching learner learners advice advise encourage encouragement inspire inspiration role
model models example journey path opportunity opportunities access equity inclusion diversity background
backgrounds barrier barriers funding grant grants award awards fellowship fellowships foundation charity
partnership partnerships organisation organisations initiative initiatives scheme schemes peer peers groups
circle circles meeting meetings session sessions conversation conversations listening trust respect
relationship relationships growth development professional personal wellbeing resilience belonging identity
values purpose humanism storytelling narrative narratives reflection reflective legacy generation generations
history tradition elders youth teenagers pupils schools secondary primary maths mathematics physics chemistry
biology engineering computing coding software data analysis evidence study studies outcomes impact results
survey interviews participants evaluation paper journal publication published article articles authors writing
reading books library arts music theatre sport coaching coach coaches sponsor sponsorship employer employers
industry business company companies entrepreneur startup innovation apprenticeship internship placement
employment job jobs interview application applications admission admissions recruitment retention progress
success achievement achievements challenge challenges difficulty struggle failure setbacks goals aims ambition
aspirations dream motivation feedback questions answers problem problems solution solutions idea ideas vision
strategy policy government ministry national international global worldwide country countries africa asia
europe america rural urban remote distance telemedicine telesurgery arthroscopy orthopaedic operating
techniques technique procedure procedures trainees trainee residents residency specialist specialists
expertise expert experts senior junior retired volunteers volunteering service compassion empathy kindness
care caring honest open
`
  .trim()
  .split(/\s+/);
