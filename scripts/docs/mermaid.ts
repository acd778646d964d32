/**
 * Mermaid diagram text built from data. Labels are quoted and every character Mermaid or Markdown
 * could read as syntax is written as a Mermaid entity code (`#35;`), so text from data can never end
 * a label, start a comment, inject HTML or close the surrounding code fence.
 */

/** Characters replaced by Mermaid's numeric entity codes inside quoted labels. */
const LABEL_SPECIALS = /["#&<>|`\\]/g;

/** Text from data as the inside of a quoted Mermaid label: one line, no syntax. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(LABEL_SPECIALS, (ch) => `#${ch.codePointAt(0)};`)
    .trim();
}

/**
 * Text for places where Mermaid has no quoting (gantt task names, section names, titles): anything
 * that could be read as syntax (`:` starts task data, `#` and `%%` comments, `;` ends a statement)
 * becomes a space, so the name stays readable and the diagram stays valid.
 */
export function mermaidPlain(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[:;#%`"<>&{}[\]\\|]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return cleaned === '' ? '-' : cleaned;
}

/** A node of a flowchart. */
export interface FlowNode {
  id: string;
  label: string;
  /** `round` for the start and end of a path, `box` for steps. */
  shape?: 'box' | 'round';
}

/** An edge of a flowchart, with an optional label. */
export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
}

/** A top-down flowchart. Node ids must be plain (letters, digits, underscores): the caller makes them. */
export function flowchart(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): string {
  const lines = ['flowchart TD'];
  for (const node of nodes) {
    const label = mermaidLabel(node.label);
    lines.push(node.shape === 'round' ? `  ${node.id}(["${label}"])` : `  ${node.id}["${label}"]`);
  }
  for (const edge of edges) {
    lines.push(edge.label ? `  ${edge.from} -->|"${mermaidLabel(edge.label)}"| ${edge.to}` : `  ${edge.from} --> ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One bar of a gantt chart: local wall-clock start and end as `YYYY-MM-DD HH:mm`. */
export interface GanttTask {
  name: string;
  start: string;
  end: string;
}

/** A gantt chart with one section per lane (a tier of a rotation). */
export function gantt(title: string, sections: readonly { name: string; tasks: readonly GanttTask[] }[]): string {
  const lines = ['gantt', `  title ${mermaidPlain(title)}`, '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %d %b'];
  let n = 0;
  for (const section of sections) {
    if (section.tasks.length === 0) continue;
    lines.push(`  section ${mermaidPlain(section.name)}`);
    for (const task of section.tasks) {
      lines.push(`  ${mermaidPlain(task.name)} :t${n++}, ${task.start}, ${task.end}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
