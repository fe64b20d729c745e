import type { InternalKind } from '../api/domain';

/** What a person calls each field that can be internal (as the forms label them). */
export const internalFieldLabels: Record<InternalKind, Record<string, string>> = {
  actor: {
    contactOwner: 'Who among us knows them',
    privateNotes: 'Private notes',
    description: 'Notes',
    aliases: 'Also known as',
    tags: 'Tags',
    roles: 'Roles',
    power: 'Power',
    alignment: 'Alignment',
    interests: 'What they care about',
    powerSources: 'Where their power comes from',
    externalIds: 'External ids',
    links: 'Links',
    image: 'Image',
  },
  relationship: {
    privateNotes: 'Private notes',
    description: 'Notes',
    strength: 'Strength',
    startDate: 'Start date',
    endDate: 'End date',
    compensation: 'Compensation',
    amount: 'Amount',
    percent: 'Percent owned',
    percentMin: 'Percent owned (at least)',
    percentMax: 'Percent owned (at most)',
    shares: 'Shares',
    value: 'Value of the holding',
    commitment: 'Commitment',
    contract: 'Contract',
    filing: 'Filing',
  },
  assessment: {
    note: 'Note',
    authorName: 'Who made the assessment',
  },
};

export const kindLabels: Record<InternalKind, string> = { actor: 'Actors', relationship: 'Relationships', assessment: 'Assessments' };

/** The sentence every internal marker explains itself with. */
export const INTERNAL_HINT = 'Internal: stays in this workspace, never shown through a public link or to partners.';
export const INTERNAL_SHORT = 'Internal: never shown outside this workspace.';
