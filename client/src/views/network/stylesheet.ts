import type { StylesheetJson } from 'cytoscape';

/** Data mappers rather than style functions: Cytoscape caches them (its performance notes). */
export function networkStyle(edgeLabels: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#4b5563',
        label: 'data(label)',
        'font-size': 'data(fontSize)',
        'font-weight': 500,
        'font-family': 'system-ui, sans-serif',
        color: '#1d2430',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 7,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    { selector: 'node.triangle', style: { 'text-margin-y': 4 } },
    { selector: 'node.unassessed', style: { 'border-style': 'dashed', 'border-color': '#7a8291' } },
    { selector: 'node.base', style: { 'border-width': 3, 'border-color': '#2166ac' } },
    // Targets wear an outline of the node's own shape, outside its border (which keeps saying base,
    // bad actor or unassessed), in a violet no alignment colour uses.
    {
      selector: 'node.target-primary',
      style: { 'outline-width': 4, 'outline-color': '#6d28d9', 'outline-offset': 3, 'outline-opacity': 1 } as never,
    },
    {
      selector: 'node.target-secondary',
      style: {
        'outline-width': 2.5,
        'outline-color': '#6d28d9',
        'outline-offset': 3,
        'outline-opacity': 0.45,
        'outline-style': 'dashed',
      } as never,
    },
    { selector: 'node.bad', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#111111' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'line-style': 'data(line)' as never,
        'curve-style': 'bezier',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        opacity: 0.9,
        label: edgeLabels ? 'data(label)' : '',
        'font-size': 10,
        color: '#4d5666',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge.mutual', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge.uncited', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 4] as never } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.18, 'overlay-padding': 6, 'border-color': '#2563eb', 'border-width': 3 },
    },
    { selector: 'edge:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.2, 'overlay-padding': 4 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node.lit', style: { 'border-color': '#f59e0b', 'border-width': 4 } },
    { selector: 'edge.lit', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 5, opacity: 1, 'z-index': 10 } },
    // edgehandles' own elements
    {
      selector: '.eh-handle',
      style: { 'background-color': '#2563eb', width: 12, height: 12, shape: 'ellipse', 'overlay-opacity': 0, 'border-width': 0, label: '' },
    },
    { selector: '.eh-source, .eh-target', style: { 'border-width': 3, 'border-color': '#2563eb' } },
    {
      selector: '.eh-preview, .eh-ghost-edge',
      style: { 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', 'line-style': 'dashed', label: '' },
    },
    { selector: '.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
  ];
}
