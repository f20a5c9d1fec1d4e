import { useState } from 'react';
import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogDevice } from '../../api/workplaces.ts';
import classes from './workplaces.module.css';

/** One level of the catalogue: category → manufacturer → series → model. */
interface TreeNode {
  name: string;
  children: TreeNode[];
  devices: CatalogDevice[];
}

/** Groups the devices by their path, keeping the catalogue's order. */
export function buildTree(devices: readonly CatalogDevice[]): TreeNode[] {
  const root: TreeNode = { name: '', children: [], devices: [] };
  for (const device of devices) {
    let node = root;
    for (const part of device.path) {
      let child = node.children.find((entry) => entry.name === part);
      if (child === undefined) {
        child = { name: part, children: [], devices: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.devices.push(device);
  }
  return root.children;
}

interface DeviceTreeProps {
  nodes: readonly TreeNode[];
  selected: string | null;
  onSelect: (device: CatalogDevice) => void;
  /** Every level open (while searching). */
  expandAll: boolean;
  label: string;
}

/** The category tree with disclosure buttons; a model is chosen with its button. */
export function DeviceTree(props: DeviceTreeProps) {
  return (
    <ul className={classes.tree} aria-label={props.label}>
      {props.nodes.map((node) => (
        <TreeBranch key={node.name} node={node} {...props} />
      ))}
    </ul>
  );
}

function TreeBranch(props: Omit<DeviceTreeProps, 'nodes' | 'label'> & { node: TreeNode }) {
  const { t } = useTranslation();
  const { node, expandAll } = props;
  const [open, setOpen] = useState(false);
  const expanded = open || expandAll;
  return (
    <li>
      <UnstyledButton
        className={classes.branch}
        aria-expanded={expanded}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden>{expanded ? '▾' : '▸'}</span> {node.name}
      </UnstyledButton>
      {expanded && (
        <ul className={classes.tree} aria-label={node.name}>
          {node.children.map((child) => (
            <TreeBranch key={child.name} {...props} node={child} />
          ))}
          {node.devices.map((device) => (
            <li key={device.id}>
              <UnstyledButton
                className={classes.leaf}
                aria-pressed={props.selected === device.id}
                onClick={() => props.onSelect(device)}
              >
                {device.name}
                {device.extended ? ` (${t('workplaces.devices.extendedBadge')})` : ''}
              </UnstyledButton>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
