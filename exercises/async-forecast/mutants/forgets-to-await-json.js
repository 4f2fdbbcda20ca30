// Forgets that reading the body is a second wait: data is a pending Promise, so every forecast looks like it has no temperature.
const FORECASTS = "https://api.weather.example/v1/forecast/";

class WeatherError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function forecast(city) {
  const response = await fetch(FORECASTS + encodeURIComponent(city));
  if (response.status === 404) throw new WeatherError(404, `there is no forecast for ${city}`);
  if (response.status !== 200) throw new WeatherError(502, `the weather service answered ${response.status}`);
  const data = response.json();
  if (typeof data?.temp_c !== "number") throw new WeatherError(502, "the weather service's answer has no temperature");
  return { city: data.city, temp_c: data.temp_c, sky: data.sky };
}

app.get("/weather/:city", async (req, res) => {
  res.json(await forecast(req.params.city));
});

app.get("/compare/:first/:second", async (req, res) => {
  const [first, second] = await Promise.all([forecast(req.params.first), forecast(req.params.second)]);
  let warmer = null;
  if (first.temp_c > second.temp_c) warmer = first.city;
  if (second.temp_c > first.temp_c) warmer = second.city;
  res.json({ first, second, warmer });
});

app.use((err, req, res, next) => {
  if (!(err instanceof WeatherError)) return next(err);
  res.status(err.status).json({ error: err.message });
});
