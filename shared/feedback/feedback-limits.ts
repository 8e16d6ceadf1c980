/**
 * The bounds of a customer's answer (issue 15, "hear the customer"): what the page, the platform and
 * the till all refuse past. Chosen from what a rating page meets in practice, with room.
 */
export const feedbackLimits = {
  /** The 0–10 scale of the NPS question. */
  scoreMax: 10,
  /** Characters of a comment: a few sentences on a phone, as 大众点评 reviews run. */
  comment: 500,
  /** Characters of the manager's note when following up a detractor. */
  followUpNote: 200,
  /** Days after the visit (the order id's time) that its receipt's link takes an answer. */
  linkDays: 30,
  /** Hours after the first answer that the customer may still change it; after that it is shown, not taken. */
  changeHours: 24,
  /** Answers under this count give an NPS too noisy to act on; it is shown flagged. */
  reliableAnswers: 30,
  /** Characters of a link's reference as the platform reads it; a genuine one is 234 digits. */
  referenceText: 300,
} as const;
