/** What an external id is called and where it leads, for the registries researchers use. */
const registries: Record<string, { label: string; url: (id: string) => string }> = {
  bioguide: { label: 'Congress bioguide', url: (id) => `https://bioguide.congress.gov/search/bio/${encodeURIComponent(id)}` },
  wikipedia: {
    label: 'Wikipedia',
    url: (id) => (/^https?:\/\//.test(id) ? id : `https://en.wikipedia.org/wiki/${encodeURIComponent(id.replace(/ /g, '_'))}`),
  },
  wikidata: { label: 'Wikidata', url: (id) => `https://www.wikidata.org/wiki/${encodeURIComponent(id)}` },
  opencorporates: {
    label: 'OpenCorporates',
    url: (id) => `https://opencorporates.com/companies/${id.split('/').map(encodeURIComponent).join('/')}`,
  },
  littlesis: { label: 'LittleSis', url: (id) => `https://littlesis.org/entities/${encodeURIComponent(id)}` },
  opensecrets: {
    label: 'OpenSecrets',
    url: (id) => `https://www.opensecrets.org/members-of-congress/summary?cid=${encodeURIComponent(id)}`,
  },
  fec: { label: 'FEC', url: (id) => `https://www.fec.gov/data/${/^C/i.test(id) ? 'committee' : 'candidate'}/${encodeURIComponent(id)}/` },
  sec_cik: { label: 'SEC EDGAR', url: (id) => `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${encodeURIComponent(id)}` },
};

export interface ExternalLink {
  key: string;
  label: string;
  id: string;
  url: string | null;
}

/** An actor's external ids, known registries first, each with its link where we know one. */
export function externalLinks(ids: Record<string, string>): ExternalLink[] {
  return Object.entries(ids)
    .map(([key, id]) => {
      const r = registries[key];
      return { key, id, label: r?.label ?? key.replace(/_/g, ' '), url: r ? r.url(id) : /^https?:\/\//.test(id) ? id : null };
    })
    .sort((a, b) => Number(!registries[a.key]) - Number(!registries[b.key]) || a.label.localeCompare(b.label));
}
