import type { BrowserSteps } from "./en";

/** Tigrinya. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "ብሕቲ ታብ፦ ⋮ → ሓድሽ Incognito ታብ። ድሕሪኡ ነዚ መርበብ ንምድምሳስ፦ ⋮ → ታሪኽ፣ ድሕሪኡ ኣብ ጥቓ ነፍሲ ወከፍ መእተዊ ናይዚ መርበብ ✕።",
  samsung: "ብሕቲ ታብ፦ ታብታት → Secret mode ኣብርህ። ድሕሪኡ ነዚ መርበብ ንምድምሳስ፦ ≡ → ታሪኽ፣ ሓደ መእተዊ ናይዚ መርበብ ጸቒጥኩም ሓዝዎ → ደምስስ።",
  safari: "ብሕቲ ታብ፦ ታብታት → Private። ድሕሪኡ ነዚ መርበብ ንምድምሳስ፦ Bookmarks (ምልክት መጽሓፍ) → ታሪኽ (ሰዓት)፣ ነፍሲ ወከፍ መእተዊ ናይዚ መርበብ ናብ ጸጋም ኣሕልፉ → ደምስስ።",
  allHistory: "ነዚ መርበብ ጥራይ ደምስሱ፣ ንኹሉ ታሪኽ ኣይኮነን፦ ባዶ ታሪኽ፣ ወይ ካብ ኩሉ መርበባት ምውጻእ፣ ባዕሉ ንሓደ ሰብ ጥርጣረ ከሕድረሉ ይኽእል።",
};
