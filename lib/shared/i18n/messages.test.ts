// Every language says everything English says, with the same arguments: a message added in one
// file and not the others, or a placeholder renamed in one translation, fails here before a
// customer sees a key or a raw "{date}".
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

const MESSAGES = join(process.cwd(), "messages");

type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), "utf8")) as Tree;
}

/** Every message of a file, by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The arguments a message takes, with how each is used (a plural's count is not a plain string). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        found.add(`<${element.value}>`);
        argumentsOf(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

const english = flatten(load(DEFAULT_LOCALE));

describe("the messages", () => {
  it("have one file per language the portal offers, and no other", () => {
    const files = readdirSync(MESSAGES).filter((name) => name.endsWith(".json")).map((name) => name.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))("in %s have every English message and no other", (locale) => {
    const translated = flatten(load(locale));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...LOCALES])("in %s each parse as ICU messages, with no empty one", (locale) => {
    for (const [key, text] of flatten(load(locale))) {
      expect(text.trim(), key).not.toBe("");
      expect(() => parse(text), `${locale} ${key}`).not.toThrow();
    }
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))("in %s take the same arguments as in English", (locale) => {
    const translated = flatten(load(locale));
    for (const [key, text] of english) {
      const other = translated.get(key);
      if (other === undefined) continue;
      expect([...argumentsOf(parse(other))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(text))].sort());
    }
  });

  it.each([...LOCALES])("in %s give every plural the forms the language needs", (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const visit = (elements: MessageFormatElement[], key: string) => {
      for (const element of elements) {
        if (element.type === TYPE.plural) {
          const given = Object.keys(element.options);
          for (const category of needed) expect(given, `${locale} ${key}`).toContain(category);
          for (const option of Object.values(element.options)) visit(option.value, key);
        } else if (element.type === TYPE.select) for (const option of Object.values(element.options)) visit(option.value, key);
        else if (element.type === TYPE.tag) visit(element.children, key);
      }
    };
    for (const [key, text] of flatten(load(locale))) visit(parse(text), key);
  });
});
