import type { BrowserSteps } from "./en";

/** Turkish. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Gizli sekme: ⋮ → Yeni Gizli sekme. Sonra bu siteyi silmek için: ⋮ → Geçmiş, ardından bu sitenin her kaydının yanındaki ✕.",
  samsung: "Gizli sekme: Sekmeler → Gizli modu aç. Sonra bu siteyi silmek için: ≡ → Geçmiş, bu sitenin bir kaydına basılı tutun → Sil.",
  safari: "Gizli sekme: Sekmeler → Özel. Sonra bu siteyi silmek için: Yer İmleri (kitap simgesi) → Geçmiş (saat), bu sitenin her kaydını sola kaydırın → Sil.",
  allHistory: "Tüm geçmişi değil, yalnızca bu siteyi silin: boş bir geçmiş ya da her siteden çıkış yapılmış olması, kendi başına şüphe uyandırabilir.",
};
