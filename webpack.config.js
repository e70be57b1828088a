/**
 * Production bundle (`npm run build`) and dev server (`npm run dev-server`) of the add-in.
 * dist/: taskpane.html (loads Office.js, then the functions, commands and taskpane chunks — one
 * shared runtime, OFFICE.md), functions.js, functions.json (from the JSDoc), functions-ru.json,
 * commands.js, taskpane.js, compute.worker.js (the pane's Web Worker), assets/, manifest.xml (for `--env host=…` if given), support.html (the SupportUrl). Only `webpack serve` needs dev certificates.
 */
"use strict";

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { RussianFunctionsMetadataPlugin } = require("./scripts/build-functions-ru");
const { manifestForHost } = require("./scripts/manifest-host");

const DEV_PORT = 3000;

module.exports = async (env, options) => {
  const serving = process.env.WEBPACK_SERVE === "true";
  // `npm run build -- --env host=https://сервер/папка` writes dist/manifest.xml for that host
  // (every https://localhost:3000 URL moved there); without it dist/ gets manifest.xml as it is.
  const host = env && typeof env.host === "string" ? env.host : undefined;
  const config = {
    // No eval-based source maps: the task pane's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
      // The pane's heavy work runs in this Web Worker (index.tsx starts it by name). A plain entry
      // rather than `new Worker(new URL(…, import.meta.url))`: tsconfig's module is commonjs for
      // jest and tsc, where import.meta does not type-check.
      "compute.worker": "./src/taskpane/compute.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      // The metadata plugin's loader appends `CustomFunctions.associate(ID, fn)` to the functions
      // chunk. Only Excel's runtime defines CustomFunctions, and taskpane.html loads that chunk
      // everywhere (the shared runtime needs it), so opened in a plain browser the page threw
      // "CustomFunctions is not defined". Every use now reads the runtime's global when it runs:
      // in Excel exactly the runtime's object, elsewhere a stand-in whose associate does nothing
      // (there is nothing to associate with). `typeof CustomFunctions` still tells the two apart.
      new webpack.DefinePlugin({
        CustomFunctions: "(globalThis.CustomFunctions || { associate() {} })",
        "typeof CustomFunctions": "(typeof globalThis.CustomFunctions)",
      }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new RussianFunctionsMetadataPlugin({ translations: "./src/functions/ru.json", output: "functions-ru.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first: Excel waits for their associations before the pane is even shown.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            ...(host === undefined ? {} : { transform: (content) => manifestForHost(content.toString("utf8"), host) }),
          },
          // The manifest's SupportUrl.
          { from: "src/taskpane/support.html", to: "support.html" },
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (serving) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
    };
  }
  return config;
};
