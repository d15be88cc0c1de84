import http from "node:http";

// A live-status stream as a browser's EventSource sees it: frames with id, event and data, the retry hint,
// and the end of the stream.

export interface Frame {
  id?: number;
  event?: string;
  data?: { id: string; status: string };
  retry?: number;
  comment?: string;
  at: number;
}

export interface SseClient {
  frames: Frame[];
  /** The response's headers (Content-Encoding must never be set on a stream). */
  headers: http.IncomingHttpHeaders;
  ended: Promise<void>;
  close(): void;
}

export function openStream(url: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const frames: Frame[] = [];
    let buffer = "";
    let endedResolve: () => void = () => {};
    const ended = new Promise<void>((r) => (endedResolve = r));
    const req = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = { at: performance.now() };
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) frame.comment = line.slice(1).trim();
            else if (line.startsWith("id: ")) frame.id = Number(line.slice(4));
            else if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Frame["data"];
            else if (line.startsWith("retry: ")) frame.retry = Number(line.slice(7));
          }
          frames.push(frame);
        }
      });
      const finish = () => endedResolve();
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
      resolve({ frames, headers: res.headers, ended, close: () => req.destroy() });
    });
    req.on("error", (error) => {
      reject(error);
      endedResolve();
    });
  });
}
