import { NotFoundMessage } from "./_components/not-found-message";

export default function PortalNotFound() {
  return (
    <NotFoundMessage
      title="We couldn't find that"
      body="The page you asked for is not part of your billing. It may have been removed, or the link may be wrong."
      back="/portal"
      backLabel="Back to overview"
    />
  );
}
