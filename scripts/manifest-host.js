/**
 * The add-in manifest for a given host. manifest.xml names the dev server
 * (https://localhost:3000); a deployment serves dist/ from its own HTTPS address, and every URL
 * of the manifest must then point there. Used by webpack (`npm run build -- --env
 * host=https://…` writes dist/manifest.xml for that host) and from the command line:
 *
 *   node scripts/manifest-host.js https://schools.example.ru/shnor > manifest.prod.xml
 *
 * The host must be an https:// address without query or fragment; it may have a path (the
 * add-in served from a folder). A trailing slash is dropped.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const DEV_ORIGIN = "https://localhost:3000";

/** The host normalised (no trailing slash), or an Error with a Russian message. */
function normaliseHost(host) {
  let url;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`Адрес «${host}» не является URL: ожидался вид https://сервер/папка`);
  }
  if (url.protocol !== "https:") throw new Error(`Адрес «${host}» должен начинаться с https:// (Office загружает надстройки только по HTTPS)`);
  if (url.search !== "" || url.hash !== "") throw new Error(`Адрес «${host}» не должен содержать «?» или «#»`);
  if (url.username !== "" || url.password !== "") throw new Error(`Адрес «${host}» не должен содержать имя пользователя или пароль`);
  const out = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (/["'<>&\s]/.test(out)) throw new Error(`Адрес «${host}» содержит недопустимые символы`);
  return out;
}

/** manifest.xml text with every dev-server URL moved to `host`. */
function manifestForHost(xml, host) {
  const base = normaliseHost(host);
  if (!xml.includes(`${DEV_ORIGIN}/`)) throw new Error(`В манифесте нет адресов ${DEV_ORIGIN}/: нечего заменять`);
  return xml.split(`${DEV_ORIGIN}/`).join(`${base}/`);
}

module.exports = { DEV_ORIGIN, normaliseHost, manifestForHost };

if (require.main === module) {
  const host = process.argv[2];
  if (host === undefined || process.argv.length > 3) {
    process.stderr.write("Использование: node scripts/manifest-host.js https://сервер/папка > manifest.prod.xml\n");
    process.exit(2);
  }
  try {
    process.stdout.write(manifestForHost(fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8"), host));
  } catch (e) {
    process.stderr.write(`Ошибка: ${e.message}\n`);
    process.exit(2);
  }
}
