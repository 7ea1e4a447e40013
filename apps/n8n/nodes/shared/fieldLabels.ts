import type { FieldLabels } from '@acronis-reports/core/web';
import type { INodeProperties } from 'n8n-workflow';

/**
 * Core names a bad field by its key; the node's parameters carry core's keys as their names, so each is named by
 * its display name, inside collections too.
 */
export function fieldLabelsOf(properties: INodeProperties[], changes?: string): FieldLabels {
	const labels: Record<string, string> = changes ? { changes } : {};
	for (const property of properties) {
		labels[property.name] = property.displayName;
		for (const option of property.options ?? []) {
			if ('displayName' in option && 'name' in option) labels[option.name] = option.displayName;
		}
	}
	return labels as FieldLabels;
}
