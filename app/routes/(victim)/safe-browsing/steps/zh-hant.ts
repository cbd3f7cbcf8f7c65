import type { BrowserSteps } from "./en";

/** Chinese (Traditional). Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "無痕分頁：⋮ → 新增無痕分頁。之後刪除本網站：⋮ → 記錄，然後點本網站每筆記錄旁的 ✕。",
  samsung: "無痕分頁：分頁 → 開啟秘密模式。之後刪除本網站：≡ → 歷史記錄，長按本網站的一筆記錄 → 刪除。",
  safari: "無痕分頁：分頁 → 私密。之後刪除本網站：書籤（書本圖像）→ 瀏覽記錄（時鐘），在本網站的每筆記錄上向左滑動 → 刪除。",
  allHistory: "只刪除本網站，不要清除全部記錄：記錄一片空白，或所有網站都已登出，本身就可能引起懷疑。",
};
