// Drives the npm "libretranslate" client against the server at argv[2]; prints one JSON object of results.
import { translate } from "libretranslate";

const apiurl = process.argv[2];
const apiKey = process.argv[3] || "";
const results = {};
for (const [name, options] of Object.entries({
  dutch: { query: "De kat zit op de mat.", source: "nl", target: "en" },
  auto: { query: "Ik lees een boek.", target: "en" },
  text: { query: "Wij zijn blij! Een kind eet brood.", source: "nl", target: "en", format: "text" },
})) {
  try {
    results[name] = await translate({ ...options, apiurl, apiKey });
  } catch (e) {
    results[name] = { error: String(e) };
  }
}
try {
  await translate({ query: "De kat zit op de mat.", source: "nl", target: "de", apiurl, apiKey });
  results.unknownTarget = "no error";
} catch (e) {
  results.unknownTarget = { error: String(e) };
}
console.log(JSON.stringify(results));
