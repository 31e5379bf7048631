/** Sent once when the bot is added to a chat or a team. */
export const WELCOME_MESSAGE =
  "Hello, I'm Partner Pathway. I help your workstream recruit, induct and support Patient and Public Partners. Type **help** to see what I can do.";
