// The weather service: GET https://api.weather.example/v1/forecast/<city> (see the README).
const FORECASTS = "https://api.weather.example/v1/forecast/";

// TODO: fetch one city's forecast, await it, check the status and the body,
// and give back { city, temp_c, sky }. Make a 404 and every failure known to
// the caller (throw an error carrying the status to answer).
async function forecast(city) {
  return { city, temp_c: 0, sky: "unknown" };
}

app.get("/weather/:city", async (req, res) => {
  // TODO: answer with the forecast of req.params.city.
  res.status(501).json({ error: "not written yet" });
});

app.get("/compare/:first/:second", async (req, res) => {
  // TODO: ask for both cities at the same time with Promise.all, then name the warmer one.
  res.status(501).json({ error: "not written yet" });
});
