/**
 * AI4Bharat's IndicTrans2 (English to Indic, 1B), Workers AI's
 * `@cf/ai4bharat/indictrans2-en-indic-1B`: English into the 22 scheduled languages of India, each
 * named to the model by language and script. English only as the source: the other direction
 * goes to M2M-100.
 */
export const INDICTRANS2_TARGETS: Readonly<Record<string, string>> = {
  as: "asm_Beng",
  bn: "ben_Beng",
  brx: "brx_Deva",
  doi: "doi_Deva",
  gom: "gom_Deva",
  gu: "guj_Gujr",
  hi: "hin_Deva",
  kn: "kan_Knda",
  ks: "kas_Arab",
  mai: "mai_Deva",
  ml: "mal_Mlym",
  mni: "mni_Mtei",
  mr: "mar_Deva",
  ne: "npi_Deva",
  or: "ory_Orya",
  pa: "pan_Guru",
  sa: "san_Deva",
  sat: "sat_Olck",
  sd: "snd_Deva",
  ta: "tam_Taml",
  te: "tel_Telu",
  ur: "urd_Arab",
};
