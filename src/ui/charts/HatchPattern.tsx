/**
 * Vertical stripes for counts that are not shown, inside a bar's SVG. Bars
 * stretch to their width (preserveAspectRatio none), which would bend a
 * diagonal hatch; vertical stripes stay stripes at any width.
 */
export function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="2" height="10">
        <rect x="0" y="0" width="2" height="10" fill="#d5d9de" />
        <rect x="0" y="0" width="1" height="10" fill="#7b8591" />
      </pattern>
    </defs>
  );
}
