// Takes any 2xx as a forecast (response.ok): a 201 from the service is passed on as if it were the 200 the README asks for.
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
  if (!response.ok) throw new WeatherError(502, `the weather service answered ${response.status}`);
  let data;
  try {
    data = await response.json();
  } catch {
    throw new WeatherError(502, "the weather service did not answer with JSON");
  }
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
