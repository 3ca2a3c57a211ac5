import {
  Badge,
  CheckIcon,
  CloseButton,
  Combobox,
  Group,
  Input,
  InputBase,
  useCombobox,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface ChoiceFilterProps {
  readonly label: string;
  readonly data: readonly Choice[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly width: number;
  readonly dropdownWidth?: number;
}

/**
 * A multiple choice of the filter bar that stays one line high: "全部", one choice, or the first
 * and "+N" (all of them on hover). Empty means "any". The list stays open while ticking.
 */
export function ChoiceFilter({
  label,
  data,
  value,
  onChange,
  width,
  dropdownWidth,
}: ChoiceFilterProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const chosen = data.filter((d) => value.includes(d.value));
  const toggle = (v: string) =>
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  const first = chosen[0];
  const summary =
    first === undefined ? null : (
      <span style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {first.label}
        </span>
        {chosen.length > 1 && (
          <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }}>
            +{chosen.length - 1}
          </Badge>
        )}
      </span>
    );

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={toggle}
      position="bottom-start"
      width={dropdownWidth ?? 'target'}
      shadow="md"
    >
      <Combobox.Target targetType="button" withExpandedAttribute>
        <InputBase
          component="button"
          type="button"
          pointer
          label={label}
          w={width}
          title={chosen.map((c) => c.label).join('、') || undefined}
          onClick={() => combobox.toggleDropdown()}
          rightSection={
            chosen.length > 0 ? (
              <CloseButton
                size="sm"
                aria-label={t('caseList.filter.clearField', { field: label })}
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => {
                  e.stopPropagation();
                  onChange([]);
                }}
              />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={chosen.length > 0 ? 'all' : 'none'}
          styles={{ input: { overflow: 'hidden', display: 'flex', alignItems: 'center' } }}
          data-filled={chosen.length > 0 || undefined}
        >
          {summary ?? <Input.Placeholder>{t('caseList.filter.any')}</Input.Placeholder>}
        </InputBase>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }} aria-label={label}>
          {data.map((item) => {
            const on = value.includes(item.value);
            return (
              <Combobox.Option value={item.value} key={item.value} active={on} aria-selected={on}>
                <Group gap="xs" wrap="nowrap">
                  <span aria-hidden style={{ width: 14, display: 'inline-flex' }}>
                    {on && <CheckIcon size={12} />}
                  </span>
                  <span>{item.label}</span>
                </Group>
              </Combobox.Option>
            );
          })}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
