// Has no time limit: a provider that hangs keeps the learner's customer waiting as long as it likes.
const CHARGES_URL = "https://api.pay.example/v1/charges";
const TIMEOUT_MS = 2000;

class PaymentError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The provider's answer, or a 504 PaymentError after `ms` without one.
function within(ms, promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PaymentError(504, "the payment provider did not answer in time")), ms);
  });
  clearTimeout(timer);
  return promise;
}

async function chargeOrder(order) {
  const send = () =>
    within(
      TIMEOUT_MS,
      fetch(CHARGES_URL, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${process.env.PAY_KEY}`,
          "Idempotency-Key": `order-${order.id}`,
        },
        body: JSON.stringify({ amount: order.total_cents, currency: "eur" }),
      }),
    );
  let answer = await send();
  if (answer.status >= 500) answer = await send();
  if (answer.status === 402) throw new PaymentError(402, "the card was declined");
  if (answer.status !== 201) throw new PaymentError(502, "the payment provider could not take the payment; try again later");
  return answer.json();
}

app.post("/orders/:id/pay", async (req, res) => {
  const order = db.prepare("SELECT id, total_cents, status FROM orders WHERE id = ?").get(Number(req.params.id));
  if (!order) return res.status(404).json({ error: "there is no such order" });
  if (order.status === "paid") return res.status(409).json({ error: "this order is already paid" });
  try {
    const charge = await chargeOrder(order);
    db.prepare("UPDATE orders SET status = 'paid', charge_id = ? WHERE id = ?").run(charge.id, order.id);
    res.json({ paid: true, charge_id: charge.id });
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});
