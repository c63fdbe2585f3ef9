/**
 * The preview's calculation engine: HyperFormula (GPL-3.0, so the preview bundle only) with the
 * HKMR functions registered from the add-in's own functions.json and functions module, the same
 * pair Excel loads.
 */
// the stand-in for Excel's CustomFunctions global must exist before the functions module runs
import "./hf-custom-functions-shim";
import { HyperFormula } from "hyperformula";
import * as implementations from "../functions/functions";
import { registerHkmrFunctions, type FunctionsMetadata } from "./hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "./hf-workbook";

/** Reads the add-in's functions.json from the server that serves the page (same origin). */
export async function fetchFunctionsMetadata(url = "functions.json"): Promise<FunctionsMetadata> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`functions.json could not be read (HTTP ${response.status})`);
  return (await response.json()) as FunctionsMetadata;
}

/** An empty workbook engine with the HKMR functions described by `metadata`. */
export function createEngine(metadata: FunctionsMetadata): HyperFormula {
  registerHkmrFunctions(HyperFormula, metadata, implementations);
  return HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]);
}
