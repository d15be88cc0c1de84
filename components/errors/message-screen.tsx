// One plain screen for "this is not here" and "this went wrong": a heading, what to do next, and the
// ways on. Has no hooks, so server pages and client error boundaries both use it.
export function MessageScreen({
  title,
  text,
  testId,
  children,
}: {
  title: string;
  text: string;
  testId: string;
  children?: React.ReactNode;
}) {
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-10 text-center">
      <h1 className="text-3xl font-bold" data-testid={testId}>
        {title}
      </h1>
      <p className="text-ink-muted">{text}</p>
      {children}
    </main>
  );
}
