import type { BrowserSteps } from "./en";

/** Chinese (Simplified). Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "无痕标签页：⋮ → 新建无痕式标签页。之后删除本网站：⋮ → 历史记录，然后点本网站每条记录旁的 ✕。",
  samsung: "无痕标签页：标签页 → 开启秘密模式。之后删除本网站：≡ → 历史记录，长按本网站的一条记录 → 删除。",
  safari: "无痕标签页：标签页 → 无痕浏览。之后删除本网站：书签（书本图标）→ 历史记录（时钟），在本网站的每条记录上向左轻扫 → 删除。",
  allHistory: "只删除本网站，不要清除全部历史记录：历史记录一片空白，或所有网站都已退出登录，本身就可能引起怀疑。",
};
