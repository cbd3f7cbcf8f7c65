/**
 * Desktop notifications, for an officer whose console is behind other windows. Off until the
 * officer turns them on: the browser's permission is asked only then, never on load.
 *
 * **A notification never carries the victim's words** (it shows on a screen others may see, and
 * may be kept by the operating system): only what happened, such as "New chat waiting".
 */
class DesktopNotices {
  on = $state(false);
  /** The browser refused (or the officer did): turning them on again is in its settings. */
  blocked = $state(false);

  get available(): boolean {
    return typeof Notification !== "undefined";
  }

  async turnOn(): Promise<void> {
    if (!this.available) return;
    const permission = await Notification.requestPermission();
    this.on = permission === "granted";
    this.blocked = permission === "denied";
  }

  turnOff(): void {
    this.on = false;
  }

  show(text: string): void {
    if (!this.on || !this.available || Notification.permission !== "granted") return;
    try {
      // The tones already sound in the console; the notification itself stays quiet.
      new Notification("quietline console", { body: text, silent: true });
    } catch {
      // Some browsers allow notifications only from a service worker: the tones and tabs remain.
    }
  }
}

export const desktopNotices = new DesktopNotices();
