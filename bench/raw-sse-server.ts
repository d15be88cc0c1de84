import http from "node:http";

// The raw-SSE ceiling's server (bench/scenarios/ceilings.ts): plain node:http, no framework, no database.
// GET /s/:n holds stream n open; POST /f/:n writes one frame to stream n and answers 200. What webhook → SSE
// costs through Malipo is printed beside what this costs on the same machine in the same run.

const port = Number(process.argv[2]);
const streams = new Map<string, http.ServerResponse>();

http
  .createServer((req, res) => {
    const [, kind, n = ""] = (req.url ?? "").split("/");
    if (req.method === "GET" && kind === "s") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" });
      res.write('retry: 3000\n\nid: 0\nevent: payment\ndata: {"status":"pending"}\n\n');
      streams.set(n, res);
      req.on("close", () => streams.delete(n));
      return;
    }
    if (req.method === "POST" && kind === "f") {
      req.resume();
      req.on("end", () => {
        streams.get(n)?.write(`id: 1\nevent: payment\ndata: {"status":"processing"}\n\n`);
        res.end('{"received":true}');
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  })
  .listen(port, "127.0.0.1", () => console.log("ready"));
