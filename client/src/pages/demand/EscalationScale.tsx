import { escalationLabels } from './format';

/** An action's escalation as five steps, filled up to its level. */
export function EscalationScale({ level }: { level: number }) {
  return (
    <span className="escalation" role="img" aria-label={`Escalation ${level} of 5: ${escalationLabels[level] ?? ''}`}>
      {[1, 2, 3, 4, 5].map((step) => (
        <span key={step} className={`escalation-step ${step <= level ? `escalation-on escalation-${level}` : ''}`} />
      ))}
      <span className="escalation-text">{escalationLabels[level]}</span>
    </span>
  );
}
