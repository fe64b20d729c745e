import { api, del, get, patch, post, qs } from './http';
import type {
  Actor,
  ActorCreate,
  ActorDetail,
  ActorPatch,
  Assessment,
  AssessmentChanges,
  AssessmentRecorded,
  BatchOperation,
  BatchResult,
  Change,
  Contribution,
  Demand,
  IncomingShare,
  InternalFieldLists,
  InternalFieldsSettings,
  InviteDetails,
  MapDetail,
  MapLink,
  MapLinkCreated,
  MapSummary,
  Member,
  MemberRole,
  OutgoingShare,
  PublicMap,
  ReachAnswer,
  Relationship,
  RelationshipCreate,
  Share,
  ShareAccess,
  SharedActor,
  SharedActorCreate,
  SharedMapDetail,
  SharedMapSummary,
  SharedRelationship,
  Source,
  SourceIndex,
  User,
  Workspace,
  DeletedWorkspace,
  MapCreate,
  KeyDate,
  Action,
  ActionCreate,
  DemandPatch,
  Task,
  TaskPatch,
} from './domain';

const w = (ws: string) => `/api/workspaces/${ws}`;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every call the client makes, named after what it does; URLs live only here. */
export const endpoints = {
  me: () => get<{ user: User }>('/api/auth/me'),
  signup: (body: { email: string; password: string; name: string; invite?: string }) => post<{ user: User }>('/api/auth/signup', body),
  login: (body: { email: string; password: string }) => post<{ user: User }>('/api/auth/login', body),
  logout: () => post<void>('/api/auth/logout'),

  workspaces: () => get<{ items: Workspace[] }>('/api/workspaces'),
  workspace: (ws: string) => get<Workspace>(w(ws)),
  createWorkspace: (body: { name: string; description?: string }) => post<Workspace>('/api/workspaces', body),
  updateWorkspace: (ws: string, body: { name?: string; description?: string; version: number }) => patch<Workspace>(w(ws), body),
  deletedWorkspaces: () => get<{ items: DeletedWorkspace[] }>('/api/workspaces/deleted'),
  restoreWorkspace: (id: string) => post<Workspace>(`/api/workspaces/deleted/${id}/restore`),
  members: (ws: string) => get<{ items: Member[] }>(`${w(ws)}/members`),
  invite: (ws: string, body: { email: string; role: string }) => post<Member>(`${w(ws)}/members`, body),
  changeRole: (ws: string, email: string, role: MemberRole) => patch<Member>(`${w(ws)}/members/${encodeURIComponent(email)}`, { role }),
  /** Removes a member, withdraws a pending invite, or (with your own email) leaves. */
  removeMember: (ws: string, email: string) => del(`${w(ws)}/members/${encodeURIComponent(email)}`),
  resendInvite: (ws: string, email: string) => post<Member>(`${w(ws)}/members/${encodeURIComponent(email)}/resend`, {}),
  inviteDetails: (token: string) => get<InviteDetails>(`/api/invites/${encodeURIComponent(token)}`),
  acceptInvite: (token: string) => post<Workspace>(`/api/invites/${encodeURIComponent(token)}/accept`),

  actors: (ws: string, params: { cursor?: string; limit?: number } = {}) => get<Page<Actor>>(`${w(ws)}/actors${qs(params)}`),
  actor: (ws: string, id: string) => get<ActorDetail>(`${w(ws)}/actors/${id}`),
  createActor: (ws: string, body: ActorCreate) => post<Actor>(`${w(ws)}/actors`, body),
  patchActor: (ws: string, id: string, body: ActorPatch) => patch<Actor>(`${w(ws)}/actors/${id}`, body),
  restoreActor: (ws: string, id: string) => post<Actor>(`${w(ws)}/actors/${id}/restore`),
  assess: (ws: string, id: string, body: { power: number; alignment: number; note?: string; sourceId?: string | null }) =>
    post<AssessmentRecorded>(`${w(ws)}/actors/${id}/assessments`, body),
  assessments: (ws: string, id: string) => get<{ items: Assessment[] }>(`${w(ws)}/actors/${id}/assessments`),
  assessmentsAt: (ws: string, at: string) =>
    get<{ items: { actorId: string; power: number; alignment: number; at: string }[] }>(`${w(ws)}/assessments${qs({ at })}`),
  assessmentRange: (ws: string) => get<{ earliest: string | null; latest: string | null }>(`${w(ws)}/assessments/range`),
  assessmentChanges: (ws: string, since: string, map?: string) =>
    get<AssessmentChanges>(`${w(ws)}/assessments/changes${qs({ since, map })}`),
  actorHistory: (ws: string, id: string) => get<{ items: Change[] }>(`${w(ws)}/actors/${id}/history`),

  relationships: (ws: string, params: { actor?: string; uncited?: boolean } = {}) =>
    get<Page<Relationship>>(`${w(ws)}/relationships${qs(params)}`),
  createRelationship: (ws: string, body: RelationshipCreate) => post<Relationship>(`${w(ws)}/relationships`, body),

  sources: (ws: string) => get<Page<Source>>(`${w(ws)}/sources${qs({ limit: 500 })}`),
  createSource: (ws: string, body: { url: string; title?: string | null }) => post<Source>(`${w(ws)}/sources`, body),
  sourceIndex: (ws: string, page: { cursor?: string | null; uncitedCursor?: string | null; limit?: number; uncitedLimit?: number } = {}) =>
    get<SourceIndex>(
      `${w(ws)}/sources/index${qs({
        limit: page.limit ?? 100,
        uncitedLimit: page.uncitedLimit ?? 25,
        cursor: page.cursor,
        uncitedCursor: page.uncitedCursor,
      })}`,
    ),
  patchRelationship: (ws: string, id: string, body: { sourceIds: string[]; version: number }) =>
    patch<Relationship>(`${w(ws)}/relationships/${id}`, body),

  demands: (ws: string) => get<Page<Demand>>(`${w(ws)}/demands`),
  demandsTargeting: (ws: string, target: string) => get<Page<Demand>>(`${w(ws)}/demands${qs({ target })}`),
  keyDates: (ws: string, params: { actor?: string; demand?: string; from?: string } = {}) =>
    get<{ items: KeyDate[] }>(`${w(ws)}/key-dates${qs(params)}`),
  createDemand: (ws: string, body: { title: string; description?: string; primaryTargetIds?: string[]; status?: string }, key?: string) =>
    api<Demand>('POST', `${w(ws)}/demands`, body, key ? { 'idempotency-key': key } : {}),
  demand: (ws: string, id: string) => get<Demand>(`${w(ws)}/demands/${id}`),
  patchDemand: (ws: string, id: string, body: DemandPatch) => patch<Demand>(`${w(ws)}/demands/${id}`, body),
  deleteDemand: (ws: string, id: string, version: number) => del(`${w(ws)}/demands/${id}${qs({ version })}`),
  actions: (ws: string, params: { demand?: string; target?: string } = {}) => get<{ items: Action[] }>(`${w(ws)}/actions${qs(params)}`),
  createAction: (ws: string, demand: string, body: ActionCreate) => post<Action>(`${w(ws)}/demands/${demand}/actions`, body),
  openTasks: (ws: string) =>
    get<{ items: { assigneeId: string | null; name: string | null; tasks: Task[] }[] }>(`${w(ws)}/tasks/open-by-member`),
  patchTask: (ws: string, id: string, body: TaskPatch) => patch<Task>(`${w(ws)}/tasks/${id}`, body),
  taskFromTie: (ws: string, relationship: string, body: { assigneeId?: string | null; due?: string | null; title?: string } = {}) =>
    post<Task>(`${w(ws)}/relationships/${relationship}/task`, body),

  maps: (ws: string) => get<Page<MapSummary>>(`${w(ws)}/maps`),
  map: (ws: string, id: string) => get<MapDetail>(`${w(ws)}/maps/${id}`),
  createMap: (ws: string, body: MapCreate) => post<MapDetail>(`${w(ws)}/maps`, body),
  updateMap: (ws: string, id: string, body: { name?: string; version: number }) => patch<MapDetail>(`${w(ws)}/maps/${id}`, body),
  deleteMap: (ws: string, id: string, version: number) => del(`${w(ws)}/maps/${id}${qs({ version })}`),
  addMembers: (
    ws: string,
    id: string,
    body: { actorIds: string[]; positions?: Record<string, { x: number; y: number }>; withNeighbours?: boolean },
  ) => post<MapDetail>(`${w(ws)}/maps/${id}/members`, body),
  removeMembers: (ws: string, id: string, actorIds: string[]) => post<MapDetail>(`${w(ws)}/maps/${id}/members/remove`, { actorIds }),
  savePositions: (ws: string, id: string, positions: { actorId: string; x: number; y: number }[]) =>
    patch<void>(`${w(ws)}/maps/${id}/positions`, { positions }),

  mapLinks: (ws: string, map: string) => get<{ items: MapLink[] }>(`${w(ws)}/maps/${map}/links`),
  createMapLink: (ws: string, map: string, body: { story: boolean; expiresAt?: string | null }) =>
    post<MapLinkCreated>(`${w(ws)}/maps/${map}/links`, body),
  revokeMapLink: (ws: string, map: string, id: string) => del(`${w(ws)}/maps/${map}/links/${id}`),
  publicMap: (token: string) => get<PublicMap>(`/api/public/maps/${encodeURIComponent(token)}`),

  internalFields: (ws: string) => get<InternalFieldsSettings>(`${w(ws)}/internal-fields`),
  setInternalFields: (ws: string, body: Partial<InternalFieldLists> & { version?: number }) =>
    api<InternalFieldsSettings>('PUT', `${w(ws)}/internal-fields`, body),

  search: (ws: string, q: string, limit = 8) => get<{ items: (Actor & { score: number })[] }>(`${w(ws)}/search${qs({ q, limit })}`),
  batch: (ws: string, operations: BatchOperation[], summary?: string) => post<BatchResult>(`${w(ws)}/batch`, { operations, summary }),
  history: (ws: string, params: { before?: number; limit?: number } = {}) => get<{ items: Change[] }>(`${w(ws)}/history${qs(params)}`),
  revert: (ws: string, changeId: string) => post<Change>(`${w(ws)}/history/${changeId}/revert`),
  deleteWorkspace: (ws: string) => del(w(ws)),

  analysis: <T>(ws: string, question: string, params: Record<string, string | number | boolean | undefined | string[]>) =>
    get<T>(`${w(ws)}/analysis/${question}${qs(params)}`),
  eventsUrl: (ws: string) => `${w(ws)}/events`,

  // Sharing maps with partner workspaces.
  mapShares: (ws: string, map: string) => get<{ items: Share[]; contributions: Contribution[] }>(`${w(ws)}/maps/${map}/shares`),
  offerShare: (ws: string, map: string, body: { partnerWorkspaceId: string; access: ShareAccess }) =>
    post<Share>(`${w(ws)}/maps/${map}/shares`, body),
  revokeShare: (ws: string, map: string, shareId: string) => del(`${w(ws)}/maps/${map}/shares/${shareId}`),
  outgoingShares: (ws: string) => get<{ items: OutgoingShare[] }>(`${w(ws)}/shares`),
  incomingShares: (ws: string) => get<{ items: IncomingShare[] }>(`${w(ws)}/incoming-shares`),
  answerShare: (ws: string, shareId: string, answer: 'accept' | 'decline') =>
    post<IncomingShare>(`${w(ws)}/incoming-shares/${shareId}/${answer}`),
  sharedMaps: (ws: string) => get<{ items: SharedMapSummary[] }>(`${w(ws)}/shared-maps`),
  sharedMap: (ws: string, shareId: string) => get<SharedMapDetail>(`${w(ws)}/shared-maps/${shareId}`),
  sharedMapEventsUrl: (ws: string, shareId: string) => `${w(ws)}/shared-maps/${shareId}/events`,
  addSharedActor: (ws: string, shareId: string, body: SharedActorCreate) =>
    post<SharedActor>(`${w(ws)}/shared-maps/${shareId}/actors`, body),
  addSharedRelationship: (ws: string, shareId: string, body: Record<string, unknown> & { type: string; from: string; to: string }) =>
    post<SharedRelationship>(`${w(ws)}/shared-maps/${shareId}/relationships`, body),
  sharedAnalysis: <T>(
    ws: string,
    shareId: string,
    question: string,
    params: Record<string, string | number | boolean | undefined | string[]>,
  ) => get<T>(`${w(ws)}/shared-maps/${shareId}/analysis/${question}${qs(params)}`),
  coalitionReach: (ws: string, target: string) => get<ReachAnswer>(`${w(ws)}/coalition/reach${qs({ target })}`),
};
