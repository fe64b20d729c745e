declare module 'cytoscape-edgehandles' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
