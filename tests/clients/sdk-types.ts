/**
 * Every key location of the client catalog (src/clients/catalog.ts), passed to the REAL SDK in an
 * allowed form. This file is type-checked (`npm run typecheck`): an option name that an SDK renames
 * or drops fails the build (object literals get excess-property checks). `sdk-clients.test.ts`
 * lints this file with require-secret-source (every catalog key location must appear here, and
 * nothing may be reported even in strict mode) and runs these builders with fake keys in the
 * environment (no network).
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import Anthropic from "@anthropic-ai/sdk";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GoogleGenAI } from "@google/genai";
import { GoogleGenerativeAI } from "@google/generative-ai";
import { HfInference, InferenceClient } from "@huggingface/inference";
import { ChatAnthropic } from "@langchain/anthropic";
import { AzureChatOpenAI, ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { Mistral } from "@mistralai/mistralai";
import { Octokit } from "@octokit/rest";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { Pinecone } from "@pinecone-database/pinecone";
import sgMail from "@sendgrid/mail";
import { WebClient } from "@slack/web-api";
import { CohereClient, CohereClientV2 } from "cohere-ai";
import Groq from "groq-sdk";
import OpenAI, { AzureOpenAI } from "openai";
import Replicate from "replicate";
import Stripe from "stripe";
import Together from "together-ai";
import twilio from "twilio";

/** A function returning an environment variable: allowed wherever an SDK takes a key provider. */
const openAIKey = async () => process.env.OPENAI_API_KEY!;

/** Each builder constructs one client with its key from the environment, and returns it. */
export const builders = {
  openai: () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY, defaultHeaders: { "x-api-key": process.env.OPENAI_API_KEY } }),
  "openai (key function)": () => new OpenAI({ apiKey: openAIKey }),
  "azure-openai": () =>
    new AzureOpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY, endpoint: "https://example.invalid", apiVersion: "2024-10-21" }),
  "azure-openai (token provider)": () =>
    new AzureOpenAI({
      azureADTokenProvider: async () => process.env.AZURE_OPENAI_AD_TOKEN!,
      endpoint: "https://example.invalid",
      apiVersion: "2024-10-21",
    }),
  anthropic: () => new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, defaultHeaders: { Authorization: `Bearer ${process.env.ANTHROPIC_API_KEY}` } }),
  "anthropic (auth token)": () => new Anthropic({ authToken: process.env.ANTHROPIC_AUTH_TOKEN }),
  groq: () => new Groq({ apiKey: process.env.GROQ_API_KEY, defaultHeaders: { "api-key": process.env.GROQ_API_KEY } }),
  "google-genai": () => new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY }),
  "google-generative-ai": () => new GoogleGenerativeAI(process.env.GEMINI_API_KEY!),
  mistral: () => new Mistral({ apiKey: process.env.MISTRAL_API_KEY }),
  together: () => new Together({ apiKey: process.env.TOGETHER_API_KEY, defaultHeaders: { "x-goog-api-key": process.env.TOGETHER_API_KEY } }),
  pinecone: () => new Pinecone({ apiKey: process.env.PINECONE_API_KEY! }),
  cohere: () => new CohereClient({ token: process.env.CO_API_KEY }),
  "cohere (v2)": () => new CohereClientV2({ token: process.env.CO_API_KEY }),
  replicate: () => new Replicate({ auth: process.env.REPLICATE_API_TOKEN }),
  huggingface: () => new InferenceClient(process.env.HF_TOKEN),
  "huggingface (HfInference)": () => new HfInference(process.env.HF_TOKEN),
  "langchain-openai": () => new ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY, model: "gpt-4o-mini" }),
  "langchain-openai (openAIApiKey)": () => new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY, model: "gpt-4o-mini" }),
  "langchain-openai (configuration)": () => new OpenAIEmbeddings({ configuration: { apiKey: process.env.OPENAI_API_KEY } }),
  "langchain-azure-openai": () =>
    new AzureChatOpenAI({
      azureOpenAIApiKey: process.env.AZURE_OPENAI_API_KEY,
      azureOpenAIApiInstanceName: "example",
      azureOpenAIApiDeploymentName: "example",
      azureOpenAIApiVersion: "2024-10-21",
    }),
  "langchain-azure-openai (apiKey)": () =>
    new AzureChatOpenAI({
      apiKey: process.env.AZURE_OPENAI_API_KEY,
      azureOpenAIApiInstanceName: "example",
      azureOpenAIApiDeploymentName: "example",
      azureOpenAIApiVersion: "2024-10-21",
    }),
  "langchain-anthropic": () => new ChatAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY, model: "claude-sonnet-4-5" }),
  "langchain-anthropic (anthropicApiKey)": () =>
    new ChatAnthropic({ anthropicApiKey: process.env.ANTHROPIC_API_KEY, model: "claude-sonnet-4-5" }),
  "ai-sdk-openai": () => createOpenAI({ apiKey: process.env.OPENAI_API_KEY, headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } }),
  "ai-sdk-google": () =>
    createGoogleGenerativeAI({ apiKey: process.env.GOOGLE_GENERATIVE_AI_API_KEY, headers: { "x-goog-api-key": process.env.GOOGLE_GENERATIVE_AI_API_KEY! } }),
  "ai-sdk-anthropic": () => createAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY, headers: { "x-api-key": process.env.ANTHROPIC_API_KEY! } }),
  "ai-sdk-anthropic (auth token)": () => createAnthropic({ authToken: process.env.ANTHROPIC_AUTH_TOKEN }),
  openrouter: () => createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, headers: { Authorization: `Bearer ${process.env.OPENROUTER_API_KEY}` } }),
  "aws-sdk": () =>
    new SecretsManagerClient({
      region: "us-east-1",
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
        sessionToken: process.env.AWS_SESSION_TOKEN,
      },
    }),
  octokit: () => new Octokit({ auth: process.env.GITHUB_TOKEN }),
  stripe: () => new Stripe(process.env.STRIPE_SECRET_KEY!),
  slack: () => new WebClient(process.env.SLACK_BOT_TOKEN),
  sendgrid: () => {
    sgMail.setApiKey(process.env.SENDGRID_API_KEY!);
    return sgMail;
  },
  twilio: () => twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN),
  "twilio-class": () => new twilio.Twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN),
} satisfies Record<string, () => unknown>;

/** The declared (not index-signature) keys of an options type. */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * Octokit's options have an index signature, so an unknown option name type-checks: check that
 * `auth` is one of its declared options instead.
 */
export const octokitDeclaresAuth: "auth" extends DeclaredKeys<NonNullable<ConstructorParameters<typeof Octokit>[0]>> ? true : false = true;
