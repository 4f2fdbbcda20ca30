// Sends the email first and validates afterwards: bad input is refused, but the mail has already gone.
const MAIL_URL = "https://api.mail.example/v1/messages";
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/; // no spaces or line breaks anywhere
const LINE_BREAK = /[\r\n]/;

// What is wrong with the form, or null when it can be sent.
function problemWith({ name, email, message }) {
  if (typeof name !== "string" || name.length < 1 || name.length > 100) {
    return "name must have 1 to 100 characters";
  }
  if (LINE_BREAK.test(name)) return "name must be on one line";
  if (typeof email !== "string" || !EMAIL_SHAPE.test(email)) {
    return "email must be an address such as ada@example.com";
  }
  if (typeof message !== "string" || message.length < 10 || message.length > 2000) {
    return "message must have 10 to 2000 characters";
  }
  return null;
}

app.post("/contact", async (req, res) => {
  const { name, email, message } = req.body;
  const answer = await fetch(MAIL_URL, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${process.env.MAIL_API_KEY}`,
    },
    body: JSON.stringify({
      from: process.env.MAIL_FROM, // our own address: the provider may send as it
      to: process.env.CONTACT_TO, // fixed: this form can only ever write to us
      reply_to: email, // "Reply" in our mailbox goes to the visitor
      subject: `Contact form: ${name}`,
      text: message,
    }),
  });
  const problem = problemWith(req.body);
  if (problem) return res.status(400).json({ error: problem });
  if (!answer.ok) {
    console.error(`the mail provider answered ${answer.status}`);
    return res.status(502).json({ error: "your message could not be sent; please try again later" });
  }
  res.status(202).json({ sent: true });
});
