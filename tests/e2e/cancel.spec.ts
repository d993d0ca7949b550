import { expect, screenshot, test } from './fixtures'

test('a million-position sample load reports progress and cancels, keeping the book', async ({
  cockpit
}) => {
  await cockpit.getByRole('button', { name: 'Sample ▾' }).click()
  await cockpit.getByRole('menuitem', { name: 'Sample book, 1,000,000 positions' }).click()

  const status = cockpit.getByTestId('task-status')
  await expect(status).toContainText('Open sample book (1,000,000 positions)')
  await expect(status).toContainText(/positions drawn/)
  await screenshot(cockpit, 'cancel-running')

  await cockpit.getByTestId('cancel-task').click()
  await expect(cockpit.getByTestId('task-outcome')).toContainText('cancelled, nothing changed')
  await expect(cockpit.getByText('20,000 positions · book v1')).toBeVisible()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book')
  await screenshot(cockpit, 'cancel-done')
})
