// keyguard's detection engine on test cases that other secret scanners wrote for themselves: the
// literal samples in gitleaks' rule definitions (true positives and documented false positives),
// secretlint's rule snapshots (input files and the secrets its output reports in them),
// detect-secrets' plugin tests (`(line, should_flag)` parameters) and trufflehog's detector pattern
// tests (`input` and `want`). The fixtures are read at run time from snapshots of those repositories
// (git directories); nothing key-shaped is stored here, and every key is printed masked.
//
//   npm run bench:third-party -- --gitleaks=<git dir> --secretlint=<git dir> --detect-secrets=<git dir> --trufflehog=<git dir>
//   (or KEYGUARD_GITLEAKS, KEYGUARD_SECRETLINT, KEYGUARD_DETECT_SECRETS, KEYGUARD_TRUFFLEHOG; at least one source)
//   --write records the tables in bench/RESULTS.md; --list prints every miss and false positive.
//
// Each text goes through `scanText` (src/cli/text-scan.ts): the detector's prefixed keys plus the keys
// found by the name they are assigned to. A bare sample of a provider whose keys have no prefix is
// written as `<ITS_ENV_VAR>=<sample>`, the way the other scanners' own tests wrap theirs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST_DETECT, requireBuild, ROOT, updateResults } from "./lib.mjs";

requireBuild();
const { createDetector, isPlaceholder, knownPrefix, mask, PROVIDERS } = await import(pathToFileURL(DIST_DETECT).href);
const { scanText } = await import(pathToFileURL(join(ROOT, "dist", "src", "cli", "text-scan.js")).href);

// ---------------------------------------------------------------- which of their groups is which of our providers
// A pattern ending in `*` is an id prefix. Groups not listed have no counterpart in the catalog (out of scope).

const GITLEAKS = {
  "1password-service-account-token": ["onepassword-service-account"],
  "1password-secret-key": ["onepassword-secret-key"],
  "adobe-client-secret": ["adobe-client-secret"],
  "age-secret-key": ["age"],
  "airtable-api-key": ["airtable"],
  "airtable-personnal-access-token": ["airtable"],
  "algolia-api-key": ["algolia-admin"],
  "alibaba-access-key-id": ["alibaba"],
  "alibaba-secret-key": ["alibaba"],
  "anthropic-api-key": ["anthropic"],
  "anthropic-admin-api-key": ["anthropic-admin"],
  "artifactory-api-key": ["artifactory-api-key"],
  "artifactory-reference-token": ["artifactory-reference-token"],
  "asana-client-secret": ["asana"],
  "atlassian-api-token": ["atlassian"],
  "aws-access-token": ["aws-access-key"],
  "aws-amazon-bedrock-api-key-long-lived": ["aws-bedrock-long-term"],
  "aws-amazon-bedrock-api-key-short-lived": ["aws-bedrock-short-term"],
  "azure-ad-client-secret": ["azure-ad-client-secret"],
  "clickhouse-cloud-api-secret-key": ["clickhouse"],
  "clojars-api-token": ["clojars"],
  "cloudflare-global-api-key": ["cloudflare-global-key*"],
  "cloudflare-api-key": ["cloudflare-token"],
  "cloudflare-origin-ca-key": ["cloudflare-origin-ca"],
  "cohere-api-token": ["cohere"],
  "contentful-delivery-api-token": ["contentful"],
  "curl-auth-header": ["basic-auth", "generic-secret"],
  "curl-auth-user": ["basic-auth", "url-credentials"],
  "databricks-api-token": ["databricks"],
  "datadog-access-token": ["datadog"],
  "digitalocean-pat": ["digitalocean"],
  "digitalocean-access-token": ["digitalocean"],
  "digitalocean-refresh-token": ["digitalocean"],
  "discord-api-token": ["discord-bot"],
  "discord-client-secret": ["discord-bot"],
  "doppler-api-token": ["doppler"],
  "dropbox-short-lived-api-token": ["dropbox-short-lived"],
  "duffel-api-token": ["duffel"],
  "dynatrace-api-token": ["dynatrace"],
  "easypost-api-token": ["easypost"],
  "easypost-test-api-token": ["easypost"],
  "facebook-access-token": ["meta-access-token"],
  "facebook-page-access-token": ["meta-access-token"],
  "flutterwave-secret-key": ["flutterwave"],
  "flutterwave-encryption-key": ["flutterwave"],
  "flyio-access-token": ["flyio*"],
  "frameio-api-token": ["frameio"],
  "gcp-api-key": ["google-api"],
  "gcp-service-account": ["private-key"],
  "generic-api-key": ["generic-secret"],
  "github-pat": ["github-classic"],
  "github-oauth": ["github-classic"],
  "github-app-token": ["github-classic", "github-app-installation"],
  "github-refresh-token": ["github-classic"],
  "github-fine-grained-pat": ["github-fine-grained"],
  "gitlab-cicd-job-token": ["gitlab*"],
  "gitlab-deploy-token": ["gitlab*"],
  "gitlab-feature-flag-client-token": ["gitlab*"],
  "gitlab-feed-token": ["gitlab*"],
  "gitlab-incoming-mail-token": ["gitlab*"],
  "gitlab-kubernetes-agent-token": ["gitlab*"],
  "gitlab-oauth-app-secret": ["gitlab*"],
  "gitlab-pat": ["gitlab*"],
  "gitlab-pat-routable": ["gitlab*"],
  "gitlab-ptt": ["gitlab*"],
  "gitlab-rrt": ["gitlab*"],
  "gitlab-runner-authentication-token": ["gitlab*"],
  "gitlab-runner-authentication-token-routable": ["gitlab*"],
  "gitlab-scim-token": ["gitlab*"],
  "gitlab-session-cookie": ["gitlab*"],
  "grafana-api-key": ["grafana-api-key"],
  "grafana-cloud-api-token": ["grafana-cloud"],
  "grafana-service-account-token": ["grafana-service-account"],
  "harness-api-key": ["harness"],
  "hashicorp-tf-api-token": ["terraform-cloud"],
  "vault-service-token": ["vault*"],
  "vault-batch-token": ["vault*"],
  "heroku-api-key": ["heroku*"],
  "heroku-api-key-v2": ["heroku*"],
  "hubspot-api-key": ["hubspot"],
  "huggingface-access-token": ["huggingface"],
  "huggingface-organization-api-token": ["huggingface-org"],
  "infracost-api-token": ["infracost"],
  "intercom-api-key": ["intercom"],
  "jfrog-api-key": ["artifactory-*"],
  "jfrog-identity-token": ["artifactory-*"],
  "launchdarkly-access-token": ["launchdarkly"],
  "linear-api-key": ["linear"],
  "mailchimp-api-key": ["mailchimp"],
  "mailgun-private-api-token": ["mailgun*"],
  "mapbox-api-token": ["mapbox-secret"],
  "netlify-access-token": ["netlify"],
  "new-relic-user-api-key": ["newrelic-user-key"],
  "new-relic-insert-key": ["newrelic-insert-key"],
  "notion-api-token": ["notion*"],
  "npm-access-token": ["npm"],
  "octopus-deploy-api-key": ["octopus-deploy"],
  "okta-access-token": ["okta"],
  "openai-api-key": ["openai-*"],
  "openshift-user-token": ["openshift"],
  "perplexity-api-key": ["perplexity"],
  "plaid-secret-key": ["plaid"],
  "plaid-api-token": ["plaid"],
  "planetscale-password": ["planetscale-password"],
  "planetscale-api-token": ["planetscale"],
  "planetscale-oauth-token": ["planetscale"],
  "postman-api-token": ["postman"],
  "prefect-api-token": ["prefect"],
  "private-key": ["private-key"],
  "pulumi-api-token": ["pulumi"],
  "pypi-upload-token": ["pypi", "testpypi"],
  "readme-api-token": ["readme"],
  "rubygems-api-token": ["rubygems"],
  "scalingo-api-token": ["scalingo"],
  "sendgrid-api-token": ["sendgrid"],
  "sendinblue-api-token": ["brevo"],
  "sentry-access-token": ["sentry-*"],
  "sentry-org-token": ["sentry-org"],
  "sentry-user-token": ["sentry-user"],
  "settlemint-personal-access-token": ["settlemint"],
  "settlemint-application-access-token": ["settlemint"],
  "settlemint-service-access-token": ["settlemint"],
  "shippo-api-token": ["shippo"],
  "shopify-shared-secret": ["shopify"],
  "shopify-access-token": ["shopify"],
  "shopify-custom-access-token": ["shopify"],
  "shopify-private-app-access-token": ["shopify"],
  "slack-bot-token": ["slack-token"],
  "slack-user-token": ["slack-token"],
  "slack-app-token": ["slack-token"],
  "slack-config-access-token": ["slack-token"],
  "slack-config-refresh-token": ["slack-token"],
  "slack-legacy-bot-token": ["slack-token"],
  "slack-legacy-workspace-token": ["slack-token"],
  "slack-legacy-token": ["slack-token"],
  "slack-webhook-url": ["slack-webhook", "slack-workflow-webhook"],
  "snyk-api-token": ["snyk"],
  "sonar-api-token": ["sonarqube"],
  "sourcegraph-access-token": ["sourcegraph"],
  "square-access-token": ["square"],
  "square-secret": ["square-oauth-secret"],
  "stripe-access-token": ["stripe-*"],
  "microsoft-teams-webhook": ["teams-webhook"],
  "telegram-bot-api-token": ["telegram-bot"],
  "twilio-api-key": ["twilio-*"],
  "twitch-api-token": ["twitch"],
  "twitter-bearer-token": ["twitter-bearer"],
  "typeform-api-token": ["typeform"],
};

const SECRETLINT = {
  "1password": ["onepassword-*"],
  anthropic: ["anthropic*"],
  aws: ["aws-*"],
  azure: ["azure-*"],
  basicauth: ["basic-auth", "url-credentials", "database-url"],
  cloudflare: ["cloudflare-*"],
  "database-connection-string": ["database-url", "url-credentials"],
  databricks: ["databricks"],
  docker: ["docker-hub"],
  figma: ["figma"],
  gcp: ["google-*", "private-key"],
  github: ["github-*"],
  gitlab: ["gitlab*"],
  grafana: ["grafana-*"],
  groq: ["groq"],
  "hashicorp-vault": ["vault*"],
  huggingface: ["huggingface*"],
  linear: ["linear"],
  notion: ["notion*"],
  npm: ["npm*"],
  openai: ["openai-*"],
  privatekey: ["private-key"],
  sendgrid: ["sendgrid"],
  shopify: ["shopify"],
  slack: ["slack-*"],
  stripe: ["stripe-*"],
  tailscale: ["tailscale"],
  vercel: ["vercel"],
};

const DETECT_SECRETS = {
  artifactory: ["artifactory-*"],
  aws_key: ["aws-*"],
  azure_storage_key: ["azure-storage-key", "azure-shared-access-key"],
  basic_auth: ["basic-auth", "url-credentials", "database-url"],
  discord: ["discord-bot"],
  github_token: ["github-*"],
  gitlab_token: ["gitlab*"],
  mailchimp_key: ["mailchimp"],
  npm: ["npm*"],
  openai: ["openai-*"],
  private_key: ["private-key"],
  pypi_token: ["pypi", "testpypi"],
  sendgrid: ["sendgrid"],
  slack: ["slack-*"],
  square_oauth: ["square-oauth-secret"],
  stripe_key: ["stripe-*"],
  telegram_token: ["telegram-bot"],
  twilio: ["twilio-*"],
};

const TRUFFLEHOG = {
  anthropic: ["anthropic*"],
  openai: ["openai-*"],
  openaiadmin: ["openai-admin"],
  groq: ["groq"],
  huggingface: ["huggingface*"],
  replicate: ["replicate"],
  deepseek: ["deepseek"],
  xai: ["xai"],
  elevenlabs: ["elevenlabs"],
  nvapi: ["nvidia"],
  langfuse: ["langfuse"],
  langsmith: ["langsmith"],
  openrouter: ["openrouter"],
  pinecone: ["pinecone"],
  assemblyai: ["assemblyai"],
  deepgram: ["deepgram"],
  googlegemini: ["google-api"],
  azure_openai: ["azure-openai", "azure-ai-services"],
  github: ["github-*"],
  githubapp: ["github-*"],
  gitlab: ["gitlab*"],
  slack: ["slack-token"],
  slackwebhook: ["slack-webhook", "slack-workflow-webhook"],
  stripe: ["stripe-*"],
  aws: ["aws-*"],
  npmtoken: ["npmrc-auth-token"],
  npmtokenv2: ["npm"],
  pypi: ["pypi", "testpypi"],
  twilio: ["twilio-*"],
  twilioapikey: ["twilio-*"],
  sendgrid: ["sendgrid"],
  tailscale: ["tailscale"],
  sentryorgtoken: ["sentry-org"],
  sentrytoken: ["sentry-user"],
  sourcegraph: ["sourcegraph"],
  shopify: ["shopify*"],
  notion: ["notion*"],
  linearapi: ["linear"],
  figmapersonalaccesstoken: ["figma"],
  dockerhub: ["docker-hub"],
  doppler: ["doppler"],
  postman: ["postman"],
  pulumi: ["pulumi"],
  prefect: ["prefect"],
  rubygems: ["rubygems"],
  flyio: ["flyio*"],
  netlify: ["netlify"],
  okta: ["okta"],
  snykkey: ["snyk"],
  sonarcloud: ["sonarqube"],
  telegrambottoken: ["telegram-bot"],
  discordbottoken: ["discord-bot"],
  discordwebhook: ["discord-webhook"],
  microsoftteamswebhook: ["teams-webhook"],
  mailchimp: ["mailchimp"],
  mailgun: ["mailgun*"],
  postmark: ["postmark"],
  planetscale: ["planetscale"],
  planetscaledb: ["planetscale-password"],
  privatekey: ["private-key"],
  square: ["square*"],
  paystack: ["paystack"],
  flutterwave: ["flutterwave"],
  shippo: ["shippo"],
  heroku: ["heroku*"],
  digitaloceanv2: ["digitalocean"],
  databrickstoken: ["databricks"],
  datadogtoken: ["datadog"],
  grafana: ["grafana-*"],
  grafanaserviceaccount: ["grafana-service-account"],
  hashicorpvault: ["vault*"],
  terraformcloudpersonaltoken: ["terraform-cloud"],
  launchdarkly: ["launchdarkly"],
  intercom: ["intercom"],
  hubspot_apikey: ["hubspot"],
  airtablepersonalaccesstoken: ["airtable"],
  artifactory: ["artifactory-api-key"],
  artifactoryreferencetoken: ["artifactory-reference-token"],
  atlassian: ["atlassian"],
  buildkite: ["buildkite"],
  circleci: ["circleci"],
  asanapersonalaccesstoken: ["asana"],
  algoliaadminkey: ["algolia-admin"],
  alibaba: ["alibaba"],
  typeform: ["typeform"],
  twitch: ["twitch"],
  twitchaccesstoken: ["twitch"],
  nugetapikey: ["nuget"],
  octopusdeploy: ["octopus-deploy"],
  readme: ["readme"],
  posthog: ["posthog-personal"],
  supabasetoken: ["supabase-secret"],
  sendinbluev2: ["brevo"],
  mapbox: ["mapbox-secret"],
  cloudflareapitoken: ["cloudflare-token"],
  cloudflarecakey: ["cloudflare-origin-ca"],
  cloudflareglobalapikey: ["cloudflare-global-key*"],
  bitbucketapppassword: ["bitbucket-app-password"],
  azure_storage: ["azure-storage-key"],
  braintreepayments: ["braintree"],
  frameio: ["frameio"],
  harness: ["harness"],
  duffeltoken: ["duffel"],
  dropbox: ["dropbox-short-lived"],
  vercel: ["vercel"],
  newrelicuserkey: ["newrelic-user-key"],
  newrelicpersonalapikey: ["newrelic-user-key"],
  newrelicinsightsinsertkey: ["newrelic-insert-key"],
  newreliclicensekey: ["newrelic-license-key"],
  plaidkey: ["plaid"],
  contentfulpersonalaccesstoken: ["contentful"],
  cloudinary: ["cloudinary-url"],
  twitter: ["twitter-bearer"],
};

const inFamily = (patterns, id) => patterns.some((p) => (p.endsWith("*") ? id.startsWith(p.slice(0, -1)) : id === p));
const providersOf = (patterns) => PROVIDERS.filter((p) => inFamily(patterns, p.id));

// ---------------------------------------------------------------- snapshots

const SOURCES = [
  { name: "gitleaks", repo: "gitleaks/gitleaks", env: "KEYGUARD_GITLEAKS", extract: gitleaksCases },
  { name: "secretlint", repo: "secretlint/secretlint", env: "KEYGUARD_SECRETLINT", extract: secretlintCases },
  { name: "detect-secrets", repo: "Yelp/detect-secrets", env: "KEYGUARD_DETECT_SECRETS", extract: detectSecretsCases },
  { name: "trufflehog", repo: "trufflesecurity/trufflehog", env: "KEYGUARD_TRUFFLEHOG", extract: trufflehogCases },
];

function git(dir, args) {
  const r = spawnSync("git", [`--git-dir=${dir}`, ...args], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} in ${dir}: ${r.stderr.trim() || `exit ${r.status}`}`);
  return r.stdout;
}
const show = (dir, path) => git(dir, ["show", `HEAD:${path}`]);
const listTree = (dir, path) => git(dir, ["ls-tree", "-r", "--name-only", "HEAD", "--", path]).split("\n").filter(Boolean);

function snapshotPaths() {
  const args = Object.fromEntries(
    process.argv
      .slice(2)
      .filter((a) => a.startsWith("--") && a.includes("="))
      .map((a) => [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]),
  );
  const chosen = [];
  for (const s of SOURCES) {
    const dir = args[s.name] ?? process.env[s.env];
    if (!dir) continue;
    const head = spawnSync("git", [`--git-dir=${dir}`, "rev-parse", "HEAD"], { encoding: "utf8" });
    if (head.status !== 0) {
      console.error(`--${s.name}=${dir} (or ${s.env}) is not a git directory with a HEAD commit: ${head.stderr.trim()}`);
      process.exit(2);
    }
    chosen.push({ ...s, dir, commit: head.stdout.trim() });
  }
  if (chosen.length === 0) {
    console.error(
      [
        "No snapshot given. Pass at least one git directory (a bare clone works), for example:",
        ...SOURCES.map((s) => `  git clone --bare https://github.com/${s.repo} /tmp/${s.name}.git   then --${s.name}=/tmp/${s.name}.git  (or ${s.env}=…)`),
      ].join("\n"),
    );
    process.exit(2);
  }
  return chosen;
}

// ---------------------------------------------------------------- literal strings of Go and Python source

/**
 * The string literals of a source text with the nearest significant characters around each (so a
 * caller can keep only literals that are whole values: not `"sk-" + generated`, not a format string).
 * `lang` is "go" (`"…"`, `` `…` ``, runes, `//` and block comments) or "py" (quotes, triple quotes,
 * prefixes, `#` comments). Adjacent Python literals (implicit concatenation) are joined.
 */
function literals(src, lang) {
  const out = [];
  let i = 0;
  let prev = "";
  let lastLiteral;
  const events = []; // other significant characters and identifiers, with position, for the zone logic
  while (i < src.length) {
    const c = src[i];
    if (lang === "go" && c === "/" && src[i + 1] === "/") {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (lang === "go" && c === "/" && src[i + 1] === "*") {
      const e = src.indexOf("*/", i + 2);
      i = e < 0 ? src.length : e + 2;
      continue;
    }
    if (lang === "py" && c === "#") {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let value;
    let end;
    if (lang === "go" && c === "`") {
      end = src.indexOf("`", i + 1);
      value = src.slice(i + 1, end);
      end++;
    } else if (lang === "go" && c === "'") {
      end = i + 1;
      while (end < src.length && src[end] !== "'") end += src[end] === "\\" ? 2 : 1;
      i = end + 1;
      prev = "'";
      continue;
    } else if (c === '"' || (lang === "py" && (c === "'" || (/[rRbBuUfF]/.test(c) && /^[rRbBuUfF]{1,2}["']/.test(src.slice(i, i + 3)) && !/\w/.test(src[i - 1] ?? ""))))) {
      let j = i;
      let raw = false;
      let fmt = false;
      while (/[rRbBuUfF]/.test(src[j])) {
        raw ||= /[rR]/.test(src[j]);
        fmt ||= /[fF]/.test(src[j]);
        j++;
      }
      const q = src[j];
      const triple = lang === "py" && src.startsWith(q.repeat(3), j);
      const close = triple ? q.repeat(3) : q;
      let k = j + close.length;
      let text = "";
      while (k < src.length && !src.startsWith(close, k)) {
        if (src[k] === "\\" && !raw && lang !== "raw") {
          const e = src[k + 1];
          const simple = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "`": "`", 0: "\0" };
          if (e in simple) {
            text += simple[e];
            k += 2;
          } else if (e === "x") {
            text += String.fromCharCode(parseInt(src.slice(k + 2, k + 4), 16));
            k += 4;
          } else if (e === "u") {
            text += String.fromCharCode(parseInt(src.slice(k + 2, k + 6), 16));
            k += 6;
          } else if (e === "\n") {
            k += 2;
          } else {
            text += src.slice(k, k + 2);
            k += 2;
          }
          continue;
        }
        text += src[k++];
      }
      value = fmt ? undefined : text;
      end = k + close.length;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 80));
      const token = word ? word[0] : c;
      events.push({ at: i, token });
      if (lastLiteral && lastLiteral.next === undefined) lastLiteral.next = token[0];
      prev = token[token.length - 1];
      i += token.length;
      continue;
    }
    if (lang === "py" && lastLiteral && lastLiteral.end === -1 && lastLiteral.next === undefined) {
      // Implicit concatenation of adjacent literals.
      lastLiteral.value = value === undefined || lastLiteral.value === undefined ? undefined : lastLiteral.value + value;
      i = end;
      continue;
    }
    lastLiteral = { at: i, value, prev, next: undefined, end: -1 };
    out.push(lastLiteral);
    events.push({ at: i, token: '"', literal: lastLiteral });
    prev = '"';
    i = end;
  }
  return { literals: out, events };
}

/**
 * A literal that is a whole value: not part of a concatenation, `.format()` or `%`. In Go, not a
 * call's first argument either (gitleaks' `GenerateSampleSecret("name", …)`, format strings); in
 * Python a parenthesis opens a test case's tuple.
 */
const isWhole = (l, lang) => l.value !== undefined && !["+", "%", ...(lang === "go" ? ["("] : [])].includes(l.prev) && !["+", ".", "%"].includes(l.next ?? "");

// ---------------------------------------------------------------- gitleaks: cmd/generate/config/rules/*.go

function gitleaksCases(dir) {
  const cases = [];
  for (const file of listTree(dir, "cmd/generate/config/rules").filter((f) => f.endsWith(".go"))) {
    const { events } = literals(show(dir, file), "go");
    let rule;
    let zone;
    let expectRuleId = false;
    for (let e = 0; e < events.length; e++) {
      const { token, literal } = events[e];
      if (literal) {
        if (expectRuleId) {
          rule = literal.value;
          expectRuleId = false;
        } else if (zone && rule && isWhole(literal, "go") && literal.value.length >= 8) {
          cases.push({ group: rule, kind: zone, text: literal.value, where: file.slice(file.lastIndexOf("/") + 1) });
        }
        continue;
      }
      if (token === "func") zone = undefined;
      else if (token === "RuleID") expectRuleId = true;
      else if (token === "return") zone = undefined;
      else if (/^(?:tps|truePositives)$/.test(token) && /^[:=]$/.test(events[e + 1]?.token ?? "")) zone = "tp";
      else if (/^(?:fps|falsePositives)$/.test(token) && /^[:=]$/.test(events[e + 1]?.token ?? "")) zone = "fp";
    }
  }
  return cases;
}

// ---------------------------------------------------------------- secretlint: rule snapshots

function secretlintCases(dir) {
  const cases = [];
  const base = "packages/@secretlint";
  const files = listTree(dir, base).filter((f) => /\/secretlint-rule-[^/]+\/test\/snapshots\/[^/]+\/(input[^/]*|output\.json|\.secretlintrc\.json)$/.test(f));
  const dirs = new Map();
  for (const f of files) {
    const d = f.slice(0, f.lastIndexOf("/"));
    const entry = dirs.get(d) ?? {};
    if (f.endsWith("/output.json")) entry.output = f;
    else if (f.endsWith("/.secretlintrc.json")) entry.options = true;
    else entry.input = f;
    dirs.set(d, entry);
  }
  for (const [d, { input, output, options }] of dirs) {
    const group = /secretlint-rule-([^/]+)\//.exec(d)[1];
    if (!input || !output) continue;
    const result = JSON.parse(show(dir, output));
    const text = typeof result.sourceContent === "string" ? result.sourceContent : show(dir, input);
    const expected = (result.messages ?? []).filter((m) => Array.isArray(m.range)).map((m) => secretRange(text, m));
    // A snapshot with options and nothing reported tests an option (an allow list, a check turned off), not the text.
    if (options && expected.length === 0) continue;
    cases.push({ group, kind: expected.length > 0 ? "tp" : "fp", text, expected, where: d.slice(d.indexOf("snapshots/") + 10) });
  }
  return cases;
}

/**
 * Where a secretlint message's secret is: its `data` names the secret, and a few rules report a
 * range beside it (the match's start instead of the secret's), so the occurrence of the named
 * value nearest the range wins; the range alone when the data names nothing found in the text.
 */
function secretRange(text, m) {
  const [start, end] = m.range;
  let best;
  for (const v of Object.values(m.data ?? {})) {
    if (typeof v !== "string" || v.length < 8) continue;
    for (let i = text.indexOf(v); i !== -1; i = text.indexOf(v, i + 1)) {
      if (!best || Math.abs(i - start) < Math.abs(best.start - start)) best = { start: i, end: i + v.length };
    }
  }
  return { ...(best ?? { start, end }), id: m.messageId };
}

// ---------------------------------------------------------------- detect-secrets: tests/plugins/*_test.py

function detectSecretsCases(dir) {
  const cases = [];
  for (const file of listTree(dir, "tests/plugins").filter((f) => f.endsWith("_test.py"))) {
    const group = file.slice(file.lastIndexOf("/") + 1, -"_test.py".length);
    const src = show(dir, file);
    const { events } = literals(src, "py");
    for (let e = 0; e < events.length; e++) {
      if (!(events[e].token === "parametrize" && events[e + 1]?.token === "(")) continue;
      // The parameter names, then the list (or tuple) of cases, up to the matching parenthesis.
      let k = e + 2;
      const header = events[k]?.literal?.value ?? "";
      k++;
      const hasFlag = /should_flag|expected/.test(header);
      // Without a flag, the test that follows tells: it asserts a finding (or none) for every case.
      const after = src.slice(events[e].at, events[e].at + 4000);
      const testBody = after.slice(after.indexOf("def "));
      const defaultKind = /==\s*0|not\s+output|assert not/.test(testBody.slice(0, 600)) ? "fp" : "tp";
      let depth = 0;
      let element = [];
      const flush = () => {
        const first = element.find((x) => x.literal);
        if (first && isWhole(first.literal, "py")) {
          const flag = element.find((x) => x.token === "True" || x.token === "False")?.token;
          const kind = hasFlag ? (flag === undefined ? undefined : flag === "True" ? "tp" : "fp") : defaultKind;
          if (kind && first.literal.value.length >= 8) cases.push({ group, kind, text: first.literal.value, where: file.slice(file.lastIndexOf("/") + 1) });
        }
        element = [];
      };
      for (; k < events.length; k++) {
        const t = events[k].token;
        if (t === "(" || t === "[" || t === "{") {
          depth++;
          continue;
        }
        if (t === ")" || t === "]" || t === "}") {
          if (depth <= 2) flush();
          depth--;
          if (depth < 0) break;
          continue;
        }
        if (depth === 1 && t === ",") flush();
        else if (depth >= 1) element.push(events[k]);
      }
      e = k;
    }
  }
  return cases;
}

// ---------------------------------------------------------------- trufflehog: pkg/detectors/*/*_test.go

/**
 * The pattern tests of trufflehog's detectors: `input: "<literal>"` with `want: []string{…}` (a key
 * sample when `want` names something) or `want: nil` / an empty list (a sample that is no key).
 * Inputs built with `fmt.Sprintf` or `+` are not literal and not used.
 */
function trufflehogCases(dir) {
  const cases = [];
  const files = listTree(dir, "pkg/detectors").filter((f) => /^pkg\/detectors\/[^/]+\/(?:v\d+\/)?[^/]+_test\.go$/.test(f) && !f.endsWith("_integration_test.go"));
  for (const file of files) {
    const group = file.split("/")[2];
    if (!(group in TRUFFLEHOG)) continue;
    const { events } = literals(show(dir, file), "go");
    for (let e = 0; e < events.length; e++) {
      if (events[e].token !== "input" || events[e + 1]?.token !== ":") continue;
      const literal = events[e + 2]?.literal;
      if (!literal || !isWhole(literal, "go") || !/^[,}]$/.test(events[e + 3]?.token ?? "")) continue;
      // The `want` of the same case: `nil`, or `[]string{` and what it lists up to `}`.
      let k = e + 3;
      while (k < events.length && events[k].token !== "want" && events[k].token !== "input") k++;
      if (events[k]?.token !== "want" || events[k + 1]?.token !== ":") continue;
      let kind;
      const wanted = [];
      if (events[k + 2]?.token === "nil") kind = "fp";
      else if (events[k + 2]?.token === "[" && events[k + 5]?.token === "{") {
        kind = events[k + 6]?.token === "}" ? "fp" : "tp";
        // Only whole literals: a key `want` builds with `+` is not one string of the input.
        for (let w = k + 6; w < events.length && events[w].token !== "}"; w++) {
          if (events[w].literal) wanted.push(isWhole(events[w].literal, "go") ? events[w].literal.value : "\0");
        }
      }
      if (!kind || literal.value.length < 8) continue;
      const text = literal.value;
      // The keys `want` lists, where the input holds them (some list `id:secret` pairs, which it does not).
      const expected = wanted.flatMap((v) => (text.includes(v) ? [{ start: text.indexOf(v), end: text.indexOf(v) + v.length, id: group }] : []));
      const whole = kind === "tp" && expected.length > 0 && expected.length === wanted.length;
      cases.push({ group, kind, text, ...(whole ? { expected } : {}), where: file.split("/").slice(2).join("/") });
    }
  }
  return cases;
}

// ---------------------------------------------------------------- running the engine

const detector = createDetector();

/** Findings of `scanText` with their offsets (the named ones end where their value's characters end). */
function findingsOf(text) {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const spans = detector.scan(text);
  return scanText(text, detector).map((f) => {
    const start = lineStarts[f.line - 1] + f.column - 1;
    const span = spans.find((s) => s.start === start && s.providerId === f.providerId);
    let end = span?.end ?? start;
    if (!span) while (end < text.length && /[A-Za-z0-9+/_=.-]/.test(text[end])) end++;
    return { ...f, start, end };
  });
}

const bare = (text) => !/[\s=:]/.test(text);

/** The longest run of key characters in a sample (the key of `const KEY = "…"`), or the sample. */
function longestValue(text) {
  let best = "";
  for (const m of text.matchAll(/[A-Za-z0-9_+/.~-]{16,}/g)) if (m[0].length > best.length) best = m[0];
  return best || text;
}

/** A sample the engine's own placeholder test rejects (runs, sequences, `x` fillers, words) after its prefix. */
const placeholderShaped = (sample) => isPlaceholder(sample.slice(knownPrefix(sample).length));

/** The text to scan: a bare sample of a provider found only by name gets the name its keys are assigned to. */
function prepared(c, patterns) {
  if (c.expected || !bare(c.text)) return c.text;
  const prefixless = providersOf(patterns).find((p) => p.prefixes.length === 0);
  return prefixless && providersOf(patterns).every((p) => p.prefixes.length === 0 || !p.prefixes.some((x) => c.text.startsWith(x)))
    ? `${prefixless.envVar}=${c.text}`
    : c.text;
}

/**
 * One case's outcome. A true-positive sample: `found` (a finding of the provider), `other` (only
 * another provider's finding) or `missed`. A false-positive sample: `clean`, or `fp` with what was found.
 * secretlint cases are judged per reported range, and findings outside every range are false positives.
 */
function judge(c, patterns) {
  const text = prepared(c, patterns);
  const findings = findingsOf(text);
  const show = (f) => `${f.providerId} ${f.masked}`;
  if (c.expected) {
    const outcomes = c.expected.map((r) => {
      const over = findings.filter((f) => f.start < r.end && r.start < f.end);
      const sample = text.slice(r.start, r.end);
      const what = `${r.id} ${mask(sample)} (${sample.length} chars)`;
      if (over.some((f) => inFamily(patterns, f.providerId))) return { result: "found", what };
      if (over.length > 0) return { result: "other", what, got: over.map(show).join(", ") };
      return { result: "missed", what, placeholder: placeholderShaped(sample) };
    });
    const extra = findings.filter((f) => !c.expected.some((r) => f.start < r.end && r.start < f.end));
    // In a text with keys, a finding the source did not report is listed to be judged; in a text without, it is a false positive.
    for (const f of extra) outcomes.push({ result: c.expected.length > 0 ? "extra" : "fp", what: show(f), got: show(f) });
    if (c.expected.length === 0 && extra.length === 0) outcomes.push({ result: "clean" });
    return outcomes;
  }
  const what = `${mask(c.text)} (${c.text.length} chars${text === c.text ? "" : ", with its name"})`;
  if (c.kind === "tp") {
    if (findings.some((f) => inFamily(patterns, f.providerId))) return [{ result: "found", what }];
    if (findings.length > 0) return [{ result: "other", what, got: findings.map(show).join(", ") }];
    return [{ result: "missed", what, placeholder: placeholderShaped(longestValue(c.text)) }];
  }
  if (findings.length === 0) return [{ result: "clean" }];
  // A sample one scanner's detector must not take (trufflehog's admin-key detector on a project key)
  // can be another provider's key: listed to be judged, not counted as a false positive.
  const own = findings.some((f) => inFamily(patterns, f.providerId));
  return [{ result: own ? "fp" : "elsewhere", what, got: findings.map(show).join(", ") }];
}

// ---------------------------------------------------------------- report

const sources = snapshotPaths();
const LIST = process.argv.includes("--list");
const WRITE = process.argv.includes("--write");
const lines = [];
const detail = [];
const totals = { tp: 0, found: 0, other: 0, missed: 0, placeholder: 0, extra: 0, fpCases: 0, elsewhere: 0, fp: 0 };

for (const s of sources) {
  const map = { gitleaks: GITLEAKS, secretlint: SECRETLINT, "detect-secrets": DETECT_SECRETS, trufflehog: TRUFFLEHOG }[s.name];
  const all = s.extract(s.dir);
  const inScope = all.filter((c) => c.group in map);
  const outGroups = new Set(all.filter((c) => !(c.group in map)).map((c) => c.group));
  const rows = new Map();
  for (const c of inScope) {
    const row = rows.get(c.group) ?? { tp: 0, found: 0, other: 0, missed: 0, placeholder: 0, extra: 0, fpCases: 0, elsewhere: 0, fp: 0 };
    rows.set(c.group, row);
    for (const o of judge(c, map[c.group])) {
      if (o.result === "clean") row.fpCases++;
      else if (o.result === "extra") row.extra++;
      else if (o.result === "elsewhere") {
        row.fpCases++;
        row.elsewhere++;
      }
      else if (o.result === "fp") {
        if (c.kind === "fp") row.fpCases++;
        row.fp++;
      } else {
        row.tp++;
        row[o.result]++;
        if (o.placeholder) row.placeholder++;
      }
      if (o.result !== "found" && o.result !== "clean") {
        const result = o.placeholder ? "missed (placeholder)" : o.result;
        detail.push(`| ${s.name} | ${c.group} | ${c.where} | ${result} | ${o.what}${o.got && o.got !== o.what ? ` → ${o.got}` : ""} |`);
      }
    }
  }
  lines.push(
    `### ${s.name} (\`${s.repo}\` at commit \`${s.commit}\`)`,
    "",
    `${inScope.length} cases of ${rows.size} groups with a catalog counterpart; ${all.length - inScope.length} cases of ${outGroups.size} groups without one (out of scope).`,
    "",
    "| group | key samples | found | as another provider | missed | of which placeholder-shaped | found beyond the source's | non-key samples | another provider's key | false positives |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const sum = { tp: 0, found: 0, other: 0, missed: 0, placeholder: 0, extra: 0, fpCases: 0, elsewhere: 0, fp: 0 };
  for (const [group, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${group} | ${r.tp} | ${r.found} | ${r.other} | ${r.missed} | ${r.placeholder} | ${r.extra} | ${r.fpCases} | ${r.elsewhere} | ${r.fp} |`);
    for (const k of Object.keys(sum)) sum[k] += r[k];
  }
  lines.push(`| **all** | ${sum.tp} | ${sum.found} | ${sum.other} | ${sum.missed} | ${sum.placeholder} | ${sum.extra} | ${sum.fpCases} | ${sum.elsewhere} | ${sum.fp} |`, "");
  for (const k of Object.keys(sum)) totals[k] += sum[k];
}

const summary =
  `All sources: ${totals.found} of ${totals.tp} key samples found (${totals.other} as another provider, ${totals.missed} missed, ` +
  `${totals.placeholder} of them placeholder-shaped; ` +
  `${totals.extra} more keys found than the source reported); ${totals.fp} false positive(s) on ${totals.fpCases} non-key samples ` +
  `(and ${totals.elsewhere} of them found as another provider's key).`;
const tables = [
  "## Other scanners' fixtures (`npm run bench:third-party`)",
  "",
  `Run: ${new Date().toISOString()} · Node ${process.version}. The engine: \`scanText\` (the detector and the keys found by name).`,
  "Each source's own test cases, read from its snapshot at run time: gitleaks' literal samples in `cmd/generate/config/rules/*.go`",
  "(samples gitleaks generates at run time are not literal and not used), secretlint's `test/snapshots/*/input*` with the secrets its",
  "`output.json` reports, detect-secrets' `tests/plugins/*_test.py` parameters, trufflehog's `pkg/detectors/*/*_test.go` pattern tests",
  "(`input` and `want`; only detectors with a catalog counterpart are read). A key sample is *found* when a finding of the group's",
  "provider covers it; *placeholder-shaped* misses are samples the engine's own placeholder test rejects (runs, sequences, `x` fillers,",
  "words), which it does by design; a *false positive* is a finding of the group's provider on a non-key sample, or one in a secretlint",
  "snapshot without secrets. Findings of another provider on a non-key sample, and keys beyond those a source reports, are counted apart.",
  "",
  ...lines,
  summary,
  "",
  "`npm run bench:third-party -- --list` prints every sample not found and every false positive, masked.",
  "",
];
const listing = [
  "Every sample not found, and every false positive (masked):",
  "",
  "| source | group | fixture | result | sample → what keyguard found |",
  "|---|---|---|---|---|",
  ...detail,
  "",
];

console.log([...tables, ...(LIST ? listing : [])].join("\n"));
if (WRITE) {
  updateResults("third-party", tables.join("\n"));
  console.log("\nbench/RESULTS.md updated (section bench:third-party).");
}
