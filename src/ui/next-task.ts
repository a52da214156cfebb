/** Resolves in a task of its own, after what is queued (a message, not a timer: no 4 ms clamp). */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** The browser's next idle moment, at most `timeout` ms away; the next task where there is no requestIdleCallback. */
export const idle = (timeout: number): Promise<void> =>
  typeof requestIdleCallback === 'function' ? new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout })) : nextTask();
